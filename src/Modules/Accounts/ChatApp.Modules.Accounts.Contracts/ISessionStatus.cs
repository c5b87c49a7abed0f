namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>What other modules may ask Accounts about sign-in sessions (implemented inside Accounts).</summary>
public interface ISessionStatus
{
    /// <summary>
    /// Those of <paramref name="sessionIds"/> that no longer allow access: signed out, revoked (another device, a
    /// password change, a deactivated account, a replayed refresh token), expired, or unknown.
    /// </summary>
    Task<IReadOnlySet<Guid>> GetEndedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}
