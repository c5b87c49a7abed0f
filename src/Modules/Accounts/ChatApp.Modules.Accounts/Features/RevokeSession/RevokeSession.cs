using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.Behaviors;

namespace ChatApp.Modules.Accounts.Features.RevokeSession;

/// <summary>
/// Revokes one of the caller's sessions: the current one (sign out) or another device's. Non-transactional so that the
/// session cache is cleared only after the revocation is stored.
/// </summary>
internal sealed record RevokeSessionCommand(Guid UserId, Guid SessionId, string Reason) : ICommand<Result>, INonTransactionalCommand;

internal sealed class RevokeSessionHandler(AccountsDbContext db, SessionValidator sessions, TimeProvider timeProvider)
    : ICommandHandler<RevokeSessionCommand, Result>
{
    public async ValueTask<Result> Handle(RevokeSessionCommand command, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == command.SessionId && s.UserId == command.UserId, cancellationToken);
        if (session is null)
        {
            return AccountErrors.SessionNotFound;
        }

        session.Revoke(timeProvider.GetUtcNowForStorage(), command.Reason);
        await db.SaveChangesAsync(cancellationToken);
        sessions.Forget(session.Id);
        return Result.Success();
    }
}

