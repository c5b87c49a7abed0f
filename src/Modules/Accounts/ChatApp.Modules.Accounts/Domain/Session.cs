namespace ChatApp.Modules.Accounts.Domain;

/// <summary>
/// One signed-in device. Its refresh tokens form a family: each refresh uses up the presented token and issues the next
/// one. Presenting a used token means it was copied, so the whole session is revoked.
/// </summary>
internal sealed class Session
{
    public const int DeviceNameMaxLength = 100;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public string DeviceName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime LastUsedAt { get; set; }

    /// <summary>The session ends when its newest refresh token expires; every refresh moves this forward.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedReason { get; set; }

    public List<RefreshToken> RefreshTokens { get; } = [];

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;

    /// <summary>Ends the session; false when it had already been revoked (the first reason stays).</summary>
    public bool Revoke(DateTime now, string reason)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        RevokedReason = reason;
        return true;
    }
}
