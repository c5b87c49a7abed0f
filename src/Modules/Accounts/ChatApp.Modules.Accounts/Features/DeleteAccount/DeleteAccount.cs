using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Deletion;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.DeleteAccount;

/// <summary>The password, or for an account without one a fresh token of a linked provider (with its nonce for Apple and Google).</summary>
internal sealed record DeleteAccountRequest(string? Password, string? Provider, string? Token, string? Nonce);

[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong password must still count towards lockout, as a failed sign-in does.")]
internal sealed record DeleteAccountCommand(Guid UserId, string? Password, string? Provider, string? Token, string? Nonce) : ICommand<Result>;

internal sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountCommand>
{
    public DeleteAccountValidator()
    {
        RuleFor(c => c.Password!).PasswordInput().When(c => c.Password is not null);
        RuleFor(c => c.Token).MaximumLength(8192);
        RuleFor(c => c.Nonce).MaximumLength(512);
        RuleFor(c => c.Provider).MaximumLength(32);
    }
}

/// <summary>
/// Deletes the caller's account for good, confirmed again (a borrowed unlocked phone must not be enough): by the password,
/// or, for an account made by a sign-in provider that has no password, by a fresh token of a provider linked to it.
/// Wrong passwords count towards lockout like failed sign-ins. What is erased and what is kept: docs/adr/0022-identity.md.
/// </summary>
internal sealed class DeleteAccountHandler(
    UserManager<User> users,
    SignInManager<User> signIn,
    AccountEraser eraser,
    IExternalTokenVerifier verifier,
    TimeProvider timeProvider) : ICommandHandler<DeleteAccountCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var confirmed = user.PasswordHash is not null
            ? await ConfirmPasswordAsync(user, command.Password)
            : await ConfirmProviderAsync(user, command, cancellationToken);
        if (!confirmed.IsSuccess)
        {
            return confirmed;
        }

        await eraser.EraseAsync(user, cancellationToken);
        return Result.Success();
    }

    private async Task<Result> ConfirmPasswordAsync(User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return DeletionErrors.PasswordRequired;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return AccountErrors.LockedOutUntil(user.LockoutEnd, timeProvider);
        }

        return check.Succeeded ? Result.Success() : AccountErrors.IncorrectPassword;
    }

    /// <summary>
    /// The provider path goes through <see cref="IExternalTokenVerifier"/>, exactly as a sign-in does (an unconfigured
    /// provider is 404 <c>accounts.provider_not_configured</c>); the token must belong to a login linked to this account.
    /// </summary>
    private async Task<Result> ConfirmProviderAsync(User user, DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Provider) || string.IsNullOrWhiteSpace(command.Token))
        {
            return DeletionErrors.ProviderTokenRequired;
        }

        var identity = await verifier.VerifyAsync(command.Provider, command.Token, command.Nonce, cancellationToken);
        if (!identity.IsSuccess)
        {
            return identity.Error;
        }

        var owner = await users.FindByLoginAsync(identity.Value.Provider, identity.Value.Subject);
        return owner?.Id == user.Id ? Result.Success() : DeletionErrors.ExternalLoginMismatch;
    }
}
