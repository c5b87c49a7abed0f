using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.ChangePassword;

internal sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

internal sealed record ChangePasswordCommand(Guid UserId, Guid? CurrentSessionId, string CurrentPassword, string NewPassword) : ICommand<Result>;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator(UserManager<User> users)
    {
        RuleFor(c => c.CurrentPassword).PasswordInput();
        RuleFor(c => c.NewPassword).PasswordInput()
            .NotEqual(c => c.CurrentPassword).WithMessage("The new password must differ from the current one.");
        RuleFor(c => c.NewPassword).MeetsPasswordRules(users);
    }
}

/// <summary>
/// Changes the password and signs out every other device (their sessions are revoked, which is published; this one stays). The session
/// and admin-cookie caches of this node are cleared once that is committed.
/// </summary>
internal sealed class ChangePasswordHandler(
    AccountsDbContext db,
    UserManager<User> users,
    SessionValidator sessions,
    AdminCookieValidator adminCookies,
    AfterCommit afterCommit,
    AccountTokens tokens,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<ChangePasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!changed.Succeeded)
        {
            return AccountErrors.FromIdentity(changed.Errors, passwordField: "newPassword");
        }

        // A reset mail asked for before the change must not undo it.
        await tokens.EndAsync(user.Id, [AccountTokenPurposes.ResetPassword], cancellationToken);
        var now = timeProvider.GetUtcNowForStorage();
        var others = await db.Sessions
            .Where(s => s.UserId == user.Id && s.RevokedAt == null && s.Id != command.CurrentSessionId)
            .ToListAsync(cancellationToken);
        foreach (var session in others)
        {
            session.Revoke(now, SessionRevocationReasons.PasswordChanged);
        }

        SessionsEnded.Publish(db, ids, now, user.Id, others.Select(s => s.Id).ToList(), SessionRevocationReasons.PasswordChanged);

        afterCommit.Run(() =>
        {
            sessions.Forget(others.Select(s => s.Id));
            adminCookies.Forget(user.Id);
        });
        return Result.Success();
    }
}
