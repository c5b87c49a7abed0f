namespace ChatApp.Client.Accounts;

/// <summary>Tokens of a session (login and refresh answers; server: TokenResponse).</summary>
public sealed record TokenResponse(string AccessToken, DateTime AccessTokenExpiresAt, string RefreshToken, DateTime RefreshTokenExpiresAt, Guid SessionId, string TokenType);
