using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>Publishes <see cref="SessionsEndedIntegrationEvent"/> for sessions a command revoked, in its unit of work.</summary>
internal static class SessionsEnded
{
    /// <summary>
    /// Adds the event to the outbox when <paramref name="sessionIds"/> is not empty; <paramref name="revocationReason"/>
    /// is the one stored on the sessions (<see cref="SessionRevocationReasons"/>).
    /// </summary>
    public static void Publish(AccountsDbContext db, IIdGenerator ids, DateTime now, Guid userId, IReadOnlyList<Guid> sessionIds, string revocationReason)
    {
        if (sessionIds.Count > 0)
        {
            db.AddIntegrationEvent(new SessionsEndedIntegrationEvent(ids.NewId(), now, userId, sessionIds, PublicReason(revocationReason)));
        }
    }

    /// <summary>The contract's name of a stored revocation reason.</summary>
    public static string PublicReason(string revocationReason) => revocationReason switch
    {
        SessionRevocationReasons.SignedOut => SessionEndReasons.Logout,
        SessionRevocationReasons.RevokedByUser => SessionEndReasons.Revoked,
        SessionRevocationReasons.PasswordChanged => SessionEndReasons.PasswordChanged,
        SessionRevocationReasons.AccountDeactivated => SessionEndReasons.AccountDeactivated,
        SessionRevocationReasons.RefreshTokenReuse => SessionEndReasons.RefreshReuse,
        SessionRevocationReasons.AccountDeleted => SessionEndReasons.AccountDeleted,
        SessionRevocationReasons.AccountSuspended => SessionEndReasons.AccountSuspended,
        SessionRevocationReasons.AccountBanned => SessionEndReasons.AccountBanned,
        _ => throw new ArgumentOutOfRangeException(nameof(revocationReason), revocationReason, "Unknown session revocation reason."),
    };
}
