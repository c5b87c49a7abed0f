using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>Issues access tokens (JWT) and opaque refresh tokens.</summary>
internal sealed class TokenService(IOptions<JwtOptions> options, SigningKeyProvider keys, TimeProvider timeProvider)
{
    private readonly JsonWebTokenHandler _handler = new();

    public JwtOptions Options => options.Value;

    public (string Token, DateTime ExpiresAt) CreateAccessToken(User user, Guid sessionId, IEnumerable<string> roles)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var expires = now + options.Value.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(ClaimsPrincipalExtensions.SubjectClaim, user.Id.ToString()),
            new(ClaimsPrincipalExtensions.SessionClaim, sessionId.ToString()),
            new(ClaimsPrincipalExtensions.NameClaim, user.DisplayName),
            new(JwtRegisteredClaimNames.Email, user.Email ?? ""),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimsPrincipalExtensions.RoleClaim, role)));
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>A new refresh token: 256 random bits, base64url. Only <see cref="Hash"/> of it is stored.</summary>
    public static string NewRefreshToken() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
}
