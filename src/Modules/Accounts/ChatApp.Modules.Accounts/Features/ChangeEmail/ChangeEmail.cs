using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.ChangeEmail;

internal sealed record ChangeEmailRequest(string NewEmail, string Password);

[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong password must still count towards lockout, as a failed sign-in does.")]
internal sealed record ChangeEmailCommand(Guid UserId, string NewEmail, string Password) : ICommand<Result>;

internal sealed class ChangeEmailValidator : AbstractValidator<ChangeEmailCommand>
{
    public ChangeEmailValidator()
    {
        RuleFor(c => c.NewEmail).ValidEmail();
        RuleFor(c => c.Password).PasswordInput();
    }
}

/// <summary>
/// Asks to move the account to another address, confirmed by the password: a code and link go to the NEW address and a
/// notice to the current one (through the outbox). Nothing changes until the new address is confirmed.
/// </summary>
internal sealed class ChangeEmailHandler(
    AccountsDbContext db,
    UserManager<User> users,
    SignInManager<User> signIn,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<ChangeEmailCommand, Result>
{
    public async ValueTask<Result> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return AccountErrors.LockedOutUntil(user.LockoutEnd, timeProvider);
        }

        if (!check.Succeeded)
        {
            return AccountErrors.IncorrectPassword;
        }

        var newEmail = command.NewEmail.Trim();
        var normalized = users.NormalizeEmail(newEmail);
        // Compared as the database compares (its collation), which the unique index and the confirmation use too.
        var holders = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).ToListAsync(cancellationToken);
        if (normalized == user.NormalizedEmail || holders.Contains(user.Id))
        {
            return EmailErrors.SameEmail;
        }

        if (holders.Count > 0)
        {
            return AccountErrors.EmailTaken;
        }

        db.AddIntegrationEvent(new EmailChangeRequestedIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), user.Id, newEmail, user.Email));
        return Result.Success();
    }
}
