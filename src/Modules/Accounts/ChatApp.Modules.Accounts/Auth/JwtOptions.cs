using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>Configuration section <c>Jwt</c>.</summary>
internal sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    public string Issuer { get; set; } = "chatapp";

    public string Audience { get; set; } = "chatapp";

    /// <summary>HMAC-SHA256 key, at least 32 bytes (base64, or plain text). Required in Production.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the generated development key is kept when <see cref="SigningKey"/> is empty outside Production.</summary>
    public string DevelopmentKeyFile { get; set; } = "data/jwt-signing.key";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Refuses to start in Production without a signing key, and rejects keys too short for HMAC-SHA256.</summary>
internal sealed class JwtOptionsValidator(IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return environment.IsProduction()
                ? ValidateOptionsResult.Fail("Jwt:SigningKey must be set in Production (at least 32 bytes, e.g. `openssl rand -base64 48`).")
                : ValidateOptionsResult.Success;
        }

        return SigningKeyProvider.Decode(options.SigningKey).Length < 32
            ? ValidateOptionsResult.Fail("Jwt:SigningKey must be at least 32 bytes.")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>The one symmetric key that signs and validates access tokens.</summary>
internal sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<JwtOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.SigningKey;
        var bytes = string.IsNullOrWhiteSpace(configured)
            ? LoadOrCreateDevelopmentKey(Path.GetFullPath(options.Value.DevelopmentKeyFile, environment.ContentRootPath))
            : Decode(configured);
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    internal static byte[] Decode(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(key);
    }

    private static byte[] LoadOrCreateDevelopmentKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        var bytes = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Convert.ToBase64String(bytes));
        return bytes;
    }
}
