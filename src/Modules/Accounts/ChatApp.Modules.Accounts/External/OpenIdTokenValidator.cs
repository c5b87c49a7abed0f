using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// Verifies an Apple identity token or a Google ID token: RS256 only, signed by a key the provider publishes under the
/// token's key id (<see cref="JwksCache"/>), issuer and audience from configuration, not expired (30 s skew), and the
/// nonce the app passes (Apple carries its SHA-256 hex, Google carries it as is). The e-mail counts only when
/// <c>email_verified</c> is true (a JSON bool, or the string "true" as Apple sometimes sends).
/// </summary>
internal sealed partial class OpenIdTokenValidator(JwksCache keys, ILogger<OpenIdTokenValidator> logger)
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<Result<ExternalIdentity>> ValidateAsync(
        string provider, OpenIdProviderOptions options, string token, string? nonce, bool nonceIsHashed, CancellationToken cancellationToken)
    {
        if (!Handler.CanReadToken(token))
        {
            return Refused(provider, "not a JWT");
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return Refused(provider, "not a JWT");
        }

        // Checked before any key lookup, so that unsigned or HMAC tokens never cause a key set fetch.
        if (jwt.Alg != SecurityAlgorithms.RsaSha256 || string.IsNullOrEmpty(jwt.Kid))
        {
            return Refused(provider, $"alg {jwt.Alg}, kid '{jwt.Kid}'");
        }

        var key = await keys.FindKeyAsync(options.JwksUrl, jwt.Kid, cancellationToken);
        if (!key.IsSuccess)
        {
            return key.Error;
        }

        if (key.Value is null)
        {
            return Refused(provider, $"unknown key id '{jwt.Kid}'");
        }

        var validation = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = [key.Value],
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidIssuers = options.ValidIssuers,
            ValidAudiences = options.ClientIds,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!validation.IsValid)
        {
            return Refused(provider, validation.Exception?.Message ?? "invalid");
        }

        var claims = validation.ClaimsIdentity;
        var subject = claims.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return Refused(provider, "no sub");
        }

        if (!NonceMatches(claims.FindFirst("nonce")?.Value, nonce, nonceIsHashed))
        {
            return Refused(provider, "nonce mismatch");
        }

        var email = claims.FindFirst("email")?.Value;
        var verified = IsTrue(claims.FindFirst("email_verified")?.Value);
        var picture = ProviderCall.WebUrl(claims.FindFirst("picture")?.Value);
        return new ExternalIdentity(provider, subject, verified && !string.IsNullOrWhiteSpace(email) ? email : null,
            claims.FindFirst("name")?.Value, picture);
    }

    /// <summary>Both must be there: a token without a nonce could be replayed from another app's sign-in.</summary>
    private static bool NonceMatches(string? claim, string? rawNonce, bool hashed)
    {
        if (string.IsNullOrEmpty(claim) || string.IsNullOrEmpty(rawNonce))
        {
            return false;
        }

        var expected = hashed ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawNonce))) : rawNonce;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claim), Encoding.UTF8.GetBytes(expected));
    }

    /// <summary>A bool claim as <c>true</c>, or the string <c>"true"</c>; everything else is false.</summary>
    private static bool IsTrue(string? value) =>
        string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private Error Refused(string provider, string reason)
    {
        LogRefused(logger, provider, reason);
        return ExternalSignInErrors.TokenInvalid;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a {Provider} ID token: {Reason}")]
    private static partial void LogRefused(ILogger logger, string provider, string reason);
}
