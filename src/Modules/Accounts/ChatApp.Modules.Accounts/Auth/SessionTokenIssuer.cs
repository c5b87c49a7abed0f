using ChatApp.BuildingBlocks.Time;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>Starts device sessions and hands out their next refresh token together with an access token.</summary>
internal sealed class SessionTokenIssuer(
    AccountsDbContext db,
    UserManager<User> users,
    TokenService tokens,
    IIdGenerator ids,
    TimeProvider timeProvider)
{
    /// <summary>Adds a new session with its first refresh token to the context (the caller saves).</summary>
    public async Task<TokenPair> StartSessionAsync(User user, string? deviceName)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var session = new Session
        {
            Id = ids.NewId(),
            UserId = user.Id,
            DeviceName = string.IsNullOrWhiteSpace(deviceName) ? "unknown device" : UserText.Normalize(deviceName, UserTextKind.Name).Trim(),
            CreatedAt = now,
            LastUsedAt = now,
        };
        db.Sessions.Add(session);
        return await IssueAsync(user, session, now);
    }

    /// <summary>Adds the session's next refresh token to the context and moves the session's expiry forward (the caller saves).</summary>
    public async Task<TokenPair> IssueAsync(User user, Session session, DateTime now)
    {
        var refreshToken = TokenService.NewRefreshToken();
        var expiresAt = now + tokens.Options.RefreshTokenLifetime;
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = ids.NewId(),
            SessionId = session.Id,
            TokenHash = TokenService.Hash(refreshToken),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        });
        session.LastUsedAt = now;
        session.ExpiresAt = expiresAt;
        var roles = await users.GetRolesAsync(user);
        var (accessToken, accessExpiresAt) = tokens.CreateAccessToken(user, session.Id, roles);
        return new TokenPair(accessToken, accessExpiresAt, refreshToken, expiresAt, session.Id);
    }
}
