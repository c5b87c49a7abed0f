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

    /// <summary>HMAC-SHA256 key, at least 32 bytes (base64, or plain text). Required in every environment but Development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the generated development key is kept (mode 0600) when <see cref="SigningKey"/> is empty in Development.</summary>
    public string DevelopmentKeyFile { get; set; } = "data/jwt-signing.key";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
