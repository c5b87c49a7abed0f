
namespace ChatApp.Modules.Accounts.Auth;

/// <summary>The body of a successful sign-in or refresh.</summary>
internal sealed record TokenResponse(
    string AccessToken,
    DateTime AccessTokenExpiresAt,
    string RefreshToken,
    DateTime RefreshTokenExpiresAt,
    Guid SessionId,
    [property: WireValues(TokenResponse.BearerTokenType)] string TokenType = TokenResponse.BearerTokenType)
{
    public const string BearerTokenType = "Bearer";

    public static TokenResponse From(TokenPair pair) =>
        new(pair.AccessToken, pair.AccessTokenExpiresAt, pair.RefreshToken, pair.RefreshTokenExpiresAt, pair.SessionId);
}
