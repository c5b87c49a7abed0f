using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Profiles;
using Hangfire;
using Microsoft.Extensions.Configuration;

namespace ChatApp.Modules.Accounts.Deletion;

/// <summary>
/// Deletes an account and everything Accounts keeps of it, inside the caller's unit of work (docs/adr/0022-identity.md,
/// part C): the sessions end (<see cref="SessionsEndedIntegrationEvent"/>, and every node's session cache is told after
/// the commit, so the access tokens fail at once), the avatar is released through
/// <see cref="UserAvatarChangedIntegrationEvent"/>, the user row goes with its sign-in methods, claims, roles, sessions,
/// refresh tokens and e-mail tokens (so the e-mail can register again), this module's outbox forgets the events that
/// mentioned the person, and <see cref="AccountDeletedIntegrationEvent"/> tells the other modules to erase theirs (and
/// again later, <see cref="RepeatAccountDeletedJob"/>, for late writes).
/// </summary>
internal sealed class AccountEraser(
    AccountsDbContext db,
    SessionEndBroadcast sessionEnds,
    ProfileCache profiles,
    AfterCommit afterCommit,
    IBackgroundJobClient jobs,
    IConfiguration configuration,
    IIdGenerator ids,
    TimeProvider timeProvider)
{
    public async Task EraseAsync(User user, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var userId = user.Id;
        var avatar = user.AvatarMediaId;
        // The row is deleted below by a statement; a tracked copy must not be written back at the commit.
        db.Entry(user).State = EntityState.Detached;

        var sessionIds = await db.Sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(cancellationToken);
        var activeSessionIds = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null).Select(s => s.Id).ToListAsync(cancellationToken);

        // Events about the person not being delivered right now (a lease) are dropped: every consumer's handler of
        // AccountDeletedIntegrationEvent erases what they would have created, and their JSON may hold the name, bio or
        // e-mail. Rows leased at this moment are forgotten once delivered (ForgetAccountEventsHandler).
        await ForgetOutboxMentionsAsync(db, userId, now, cancellationToken);

        await db.RefreshTokens.Where(t => sessionIds.Contains(t.SessionId)).ExecuteDeleteAsync(cancellationToken);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AccountTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PeopleSearchTerms.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(cancellationToken);

        SessionsEnded.Publish(db, ids, now, userId, activeSessionIds, SessionRevocationReasons.AccountDeleted);
        if (avatar is not null)
        {
            db.AddIntegrationEvent(new UserAvatarChangedIntegrationEvent(ids.NewId(), now, userId, MediaId: null, PreviousMediaId: avatar));
        }

        db.AddIntegrationEvent(new AccountDeletedIntegrationEvent(ids.NewId(), now, userId));
        profiles.RemoveAfterCommit(afterCommit, userId);
        afterCommit.Run(_ => sessionEnds.PublishAsync(userId, sessionIds));
        afterCommit.Run(() => jobs.Schedule<RepeatAccountDeletedJob>(job => job.RunAsync(userId, CancellationToken.None), RepeatAccountDeletedJob.Delay(configuration)));
    }

    /// <summary>Deletes this module's outbox messages whose JSON names the user (by id), except those being delivered at this moment.</summary>
    private static Task<int> ForgetOutboxMentionsAsync(AccountsDbContext db, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var mention = userId.ToString();
        return db.Set<OutboxMessage>()
            .Where(m => m.Content.Contains(mention) && (m.ProcessedAt != null || m.DeadLetteredAt != null || m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
