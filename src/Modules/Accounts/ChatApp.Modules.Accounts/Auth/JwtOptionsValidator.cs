using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>Refuses to start in Production (any environment but Development) without a signing key, and rejects keys too short for HMAC-SHA256.</summary>
internal sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return !environment.IsDevelopment()
                ? ValidateOptionsResult.Fail("Jwt:SigningKey must be set in Production, i.e. any environment but Development (at least 32 bytes, e.g. `openssl rand -base64 48`).")
                : ValidateOptionsResult.Success;
        }

        return SigningKeyProvider.Decode(options.SigningKey).Length < 32
            ? ValidateOptionsResult.Fail("Jwt:SigningKey must be at least 32 bytes.")
            : ValidateOptionsResult.Success;
    }
}
