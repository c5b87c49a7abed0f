using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.ConfirmEmailChange;

internal sealed record ConfirmEmailChangeRequest(string Token);

[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong code must still count towards the mail's limit of wrong codes.")]
internal sealed record ConfirmEmailChangeCommand(Guid UserId, string Token) : ICommand<Result>;

internal sealed class ConfirmEmailChangeValidator : AbstractValidator<ConfirmEmailChangeCommand>
{
    public ConfirmEmailChangeValidator() => RuleFor(c => c.Token).EmailToken();
}

/// <summary>
/// Moves the account to the address the code or link token was mailed to, which is verified by that; the address must
/// still be free (409 otherwise). A user name that was the old address follows the new one (sign-in is by e-mail). The
/// reset and verification mails sent to the old address stop working, and the old address is told of the change.
/// </summary>
internal sealed class ConfirmEmailChangeHandler(
    AccountsDbContext db,
    UserManager<User> users,
    AccountTokens tokens,
    IIdGenerator ids,
    TimeProvider timeProvider) : ICommandHandler<ConfirmEmailChangeCommand, Result>
{
    public async ValueTask<Result> Handle(ConfirmEmailChangeCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var token = await tokens.ConsumeAsync(user.Id, AccountTokenPurposes.ChangeEmail, command.Token.Trim(), cancellationToken);
        if (token?.Email is not { } newEmail)
        {
            return EmailErrors.TokenInvalid;
        }

        if (await users.FindByEmailAsync(newEmail) is { } holder && holder.Id != user.Id)
        {
            return AccountErrors.EmailTaken;
        }

        if (string.Equals(user.UserName, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            user.UserName = newEmail;
        }

        var oldEmail = user.Email;
        user.Email = newEmail;
        user.EmailConfirmed = true;
        IdentityResult updated;
        try
        {
            updated = await users.UpdateAsync(user);
        }
        catch (DbUpdateException)
        {
            // Another account took the address (or the user name) between the check and the update; the unique index
            // caught it. The refused change must not stay tracked, or the unit of work's final save would fail again.
            db.Entry(user).State = EntityState.Detached;
            return AccountErrors.EmailTaken;
        }

        if (!updated.Succeeded)
        {
            db.Entry(user).State = EntityState.Detached;
            return AccountErrors.FromIdentity(updated.Errors);
        }

        await tokens.EndAsync(user.Id, [AccountTokenPurposes.ResetPassword, AccountTokenPurposes.VerifyEmail], cancellationToken);
        db.AddIntegrationEvent(new EmailChangedIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), user.Id, oldEmail, newEmail));
        return Result.Success();
    }
}
