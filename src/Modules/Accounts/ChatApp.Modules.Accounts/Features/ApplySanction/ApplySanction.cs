using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Accounts.Features.ApplySanction;

/// <param name="Until">The end of a suspension (UTC); null for every other kind.</param>
internal sealed record ApplySanctionCommand(Guid UserId, SanctionKind Kind, DateTime? Until) : ICommand<Result>;

/// <summary>
/// A moderator's sanction on an account (sent by the Moderation module through <see cref="IAccountSanctions"/>). A
/// suspension or ban revokes every session of the account in this transaction (so refresh tokens die with them), tells
/// the other modules (<see cref="SessionsEndedIntegrationEvent"/>: Notifications forgets the devices) and, after the
/// commit, every node (<see cref="SessionEndBroadcast"/>), so the access tokens fail at once everywhere, as for a deleted
/// account. Lifting clears the ban, the suspension and a hiding for review; the person signs in again.
/// </summary>
internal sealed class ApplySanctionHandler(
    AccountsDbContext db,
    SessionEndBroadcast sessionEnds,
    Profiles.ProfileCache profiles,
    AfterCommit afterCommit,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<ApplySanctionCommand, Result>
{
    public async ValueTask<Result> Handle(ApplySanctionCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var now = timeProvider.GetUtcNowForStorage();
        switch (command.Kind)
        {
            case SanctionKind.Suspend or SanctionKind.Ban when await IsAdminAsync(user.Id, cancellationToken):
                return AccountErrors.AdminProtected;
            case SanctionKind.Suspend:
                user.SuspendedUntil = command.Until ?? throw new ArgumentException("A suspension has an end.", nameof(command));
                await EndSessionsAsync(user.Id, now, SessionRevocationReasons.AccountSuspended, cancellationToken);
                break;
            case SanctionKind.Ban:
                user.BannedAt ??= now;
                await EndSessionsAsync(user.Id, now, SessionRevocationReasons.AccountBanned, cancellationToken);
                break;
            case SanctionKind.Lift:
                user.BannedAt = null;
                user.SuspendedUntil = null;
                user.HiddenForReviewAt = null;
                break;
            case SanctionKind.HideForReview:
                user.HiddenForReviewAt ??= now;
                break;
            case SanctionKind.EndReview:
                user.HiddenForReviewAt = null;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command.Kind, "Unknown sanction.");
        }

        profiles.ForgetAfterCommit(afterCommit, user.Id);
        return Result.Success();
    }

    private Task<bool> IsAdminAsync(Guid userId, CancellationToken cancellationToken) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         where userRole.UserId == userId && role.Name == AuthorizationPolicies.AdminRole
         select userRole.UserId).AnyAsync(cancellationToken);

    private async Task EndSessionsAsync(Guid userId, DateTime now, string reason, CancellationToken cancellationToken)
    {
        var active = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in active)
        {
            session.Revoke(now, reason);
        }

        var sessionIds = active.Select(s => s.Id).ToList();
        SessionsEnded.Publish(db, ids, now, userId, sessionIds, reason);
        afterCommit.Run(_ => sessionEnds.PublishAsync(userId, sessionIds));
    }
}
