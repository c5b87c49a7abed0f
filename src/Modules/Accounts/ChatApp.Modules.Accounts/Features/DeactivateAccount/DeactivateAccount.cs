using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Accounts.Features.DeactivateAccount;

/// <param name="Password">The current password; an account without one leaves it out and needs a recent sign-in instead.</param>
internal sealed record DeactivateAccountRequest(string? Password);

[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong password must still count towards lockout, as a failed sign-in does.")]
internal sealed record DeactivateAccountCommand(Guid UserId, Guid? SessionId, string? Password) : ICommand<Result>;

internal sealed class DeactivateAccountValidator : AbstractValidator<DeactivateAccountCommand>
{
    public DeactivateAccountValidator() => RuleFor(c => c.Password!).PasswordInput().When(c => !string.IsNullOrEmpty(c.Password));
}

/// <summary>
/// Deactivates the caller's account after checking their password again (a borrowed unlocked phone must not be enough):
/// every session is revoked, so every device is signed out, and other people no longer see the account. Nothing is
/// deleted: signing in again reactivates it. Wrong passwords count towards lockout like failed sign-ins. An account
/// without a password (made by a provider) proves itself by a recent sign-in instead (<see cref="Reauthentication"/>).
/// </summary>
internal sealed class DeactivateAccountHandler(
    AccountsDbContext db,
    UserManager<User> users,
    Reauthentication reauthentication,
    SessionValidator sessions,
    AdminCookieValidator adminCookies,
    Profiles.ProfileCache profiles,
    AfterCommit afterCommit,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<DeactivateAccountCommand, Result>
{
    public async ValueTask<Result> Handle(DeactivateAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var proven = await reauthentication.CheckAsync(user, command.Password, command.SessionId, cancellationToken);
        if (!proven.IsSuccess)
        {
            return proven;
        }

        var now = timeProvider.GetUtcNowForStorage();
        user.DeactivatedAt ??= now;
        var active = await db.Sessions.Where(s => s.UserId == user.Id && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in active)
        {
            session.Revoke(now, SessionRevocationReasons.AccountDeactivated);
        }

        SessionsEnded.Publish(db, ids, now, user.Id, active.Select(s => s.Id).ToList(), SessionRevocationReasons.AccountDeactivated);

        profiles.ForgetAfterCommit(afterCommit, user.Id);
        afterCommit.Run(() =>
        {
            sessions.Forget(active.Select(s => s.Id));
            adminCookies.Forget(user.Id);
        });
        return Result.Success();
    }
}
