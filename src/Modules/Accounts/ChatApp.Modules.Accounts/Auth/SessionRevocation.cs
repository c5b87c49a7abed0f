using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>Ends one of a user's sessions (signing out this device or another one), inside the caller's unit of work.</summary>
internal sealed class SessionRevocation(AccountsDbContext db, SessionValidator sessions, AfterCommit afterCommit, IIdGenerator ids, TimeProvider timeProvider)
{
    /// <summary>
    /// Revokes the session and publishes <see cref="SessionsEndedIntegrationEvent"/> (unless it had ended already); this
    /// node's session cache forgets it once that is committed.
    /// </summary>
    public async Task<Result> RevokeAsync(Guid userId, Guid sessionId, string reason, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (session is null)
        {
            return AccountErrors.SessionNotFound;
        }

        var now = timeProvider.GetUtcNowForStorage();
        if (session.Revoke(now, reason))
        {
            SessionsEnded.Publish(db, ids, now, userId, [session.Id], reason);
        }

        afterCommit.Run(() => sessions.Forget(session.Id));
        return Result.Success();
    }
}
