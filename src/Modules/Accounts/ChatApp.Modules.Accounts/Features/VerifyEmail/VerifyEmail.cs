using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Email;

namespace ChatApp.Modules.Accounts.Features.VerifyEmail;

[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong code must still count towards the mail's limit of wrong codes.")]
internal sealed record VerifyEmailCommand(string Email, string Token) : ICommand<Result>;

internal sealed class VerifyEmailValidator : AbstractValidator<VerifyEmailCommand>
{
    public VerifyEmailValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Token).EmailToken();
    }
}

/// <summary>Marks the address verified with the code or link token mailed to it (single use; the address must still be the account's).</summary>
internal sealed class VerifyEmailHandler(UserManager<User> users, AccountTokens tokens) : ICommandHandler<VerifyEmailCommand, Result>
{
    public async ValueTask<Result> Handle(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email.Trim());
        // An unknown address looks its tokens up too (there are none), so it answers in about the same time.
        var token = await tokens.ConsumeAsync(user?.Id ?? Guid.Empty, AccountTokenPurposes.VerifyEmail, command.Token.Trim(), cancellationToken);
        if (user is null || token is null || !string.Equals(token.Email, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            return EmailErrors.TokenInvalid;
        }

        user.EmailConfirmed = true;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded ? Result.Success() : AccountErrors.FromIdentity(updated.Errors);
    }
}
