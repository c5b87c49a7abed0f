using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.ResetPassword;

[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong code must still count towards the mail's limit of wrong codes.")]
internal sealed record ResetPasswordCommand(string Email, string Token, string NewPassword) : ICommand<Result>;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator(UserManager<User> users)
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Token).EmailToken();
        RuleFor(c => c.NewPassword).PasswordInput();
        RuleFor(c => c.NewPassword).MeetsPasswordRules(users);
    }
}

/// <summary>
/// Sets a new password with the code or link token of a reset mail (also for an account that had no password), ends
/// every session of the account (all devices are signed out; their refresh tokens stop working), lifts a lockout, and
/// mails the address that it happened. The password rules are checked before the token is used up.
/// </summary>
internal sealed class ResetPasswordHandler(
    AccountsDbContext db,
    UserManager<User> users,
    AccountTokens tokens,
    SessionValidator sessions,
    AdminCookieValidator adminCookies,
    AfterCommit afterCommit,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<ResetPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email.Trim());
        // Judged the same with or without an account, so a weak password does not tell which addresses have one.
        var rules = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            rules.AddRange((await validator.ValidateAsync(users, user ?? new User(), command.NewPassword)).Errors);
        }

        if (rules.Count > 0)
        {
            return AccountErrors.FromIdentity(rules, passwordField: "newPassword");
        }

        // An unknown address looks its tokens up too (there are none), so it answers in about the same time.
        var token = await tokens.ConsumeAsync(user?.Id ?? Guid.Empty, AccountTokenPurposes.ResetPassword, command.Token.Trim(), cancellationToken);
        // A reset mailed to an address the account no longer has proves nothing about the account now.
        if (user is null || token is null || token.Email is null || users.NormalizeEmail(token.Email) != user.NormalizedEmail)
        {
            return EmailErrors.TokenInvalid;
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, command.NewPassword);
        // The mail reached the address: that proves it as well as a verification would.
        user.EmailConfirmed = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return AccountErrors.FromIdentity(updated.Errors, passwordField: "newPassword");
        }

        // Consuming ended the other reset mails; a pending change of address must be asked for again with the new password.
        await tokens.EndAsync(user.Id, [AccountTokenPurposes.ChangeEmail], cancellationToken);
        var now = timeProvider.GetUtcNowForStorage();
        var active = await db.Sessions.Where(s => s.UserId == user.Id && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in active)
        {
            session.Revoke(now, SessionRevocationReasons.PasswordChanged);
        }

        SessionsEnded.Publish(db, ids, now, user.Id, active.Select(s => s.Id).ToList(), SessionRevocationReasons.PasswordChanged);
        db.AddIntegrationEvent(new PasswordResetCompletedIntegrationEvent(ids.NewId(), now, user.Id));
        afterCommit.Run(() =>
        {
            sessions.Forget(active.Select(s => s.Id));
            adminCookies.Forget(user.Id);
        });
        return Result.Success();
    }
}
