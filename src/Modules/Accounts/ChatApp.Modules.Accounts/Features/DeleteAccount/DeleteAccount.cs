using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.Deletion;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.DeleteAccount;

/// <summary>The password, or for an account without one a fresh token of a linked provider (with its nonce for Apple and Google).</summary>
internal sealed record DeleteAccountRequest(
    string? Password,
    [property: WireValues(ExternalProviders.Facebook, ExternalProviders.Kakao, ExternalProviders.Apple, ExternalProviders.Google)] string? Provider,
    string? Token,
    string? Nonce);

/// <param name="Identity">The provider identity the endpoint verified (before the transaction) from the request's token; null without one.</param>
[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong password must still count towards lockout, as a failed sign-in does.")]
internal sealed record DeleteAccountCommand(Guid UserId, Guid? SessionId, string? Password, ExternalIdentity? Identity) : ICommand<Result>;

internal sealed class DeleteAccountValidator : AbstractValidator<DeleteAccountCommand>
{
    public DeleteAccountValidator()
    {
        RuleFor(c => c.Password!).PasswordInput().When(c => c.Password is not null);
    }
}

/// <summary>
/// Deletes the caller's account for good, confirmed again (a borrowed unlocked phone must not be enough): by the password,
/// or, for an account made by a sign-in provider that has no password, by a fresh token of a provider linked to it AND a
/// recent sign-in (<see cref="Reauthentication"/>): provider SDKs keep access tokens for months, so a token alone proves little.
/// Wrong passwords count towards lockout like failed sign-ins. What is erased and what is kept: docs/adr/0022-identity.md.
/// </summary>
internal sealed class DeleteAccountHandler(
    UserManager<User> users,
    AccountEraser eraser,
    Reauthentication reauthentication) : ICommandHandler<DeleteAccountCommand, Result>
{
    public async ValueTask<Result> Handle(DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var confirmed = user.PasswordHash is not null
            ? await ConfirmPasswordAsync(user, command, cancellationToken)
            : await ConfirmProviderAsync(user, command, cancellationToken);
        if (!confirmed.IsSuccess)
        {
            return confirmed;
        }

        await eraser.EraseAsync(user, cancellationToken);
        return Result.Success();
    }

    private async Task<Result> ConfirmPasswordAsync(User user, DeleteAccountCommand command, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(command.Password)
            ? DeletionErrors.PasswordRequired
            : await reauthentication.CheckAsync(user, command.Password, command.SessionId, cancellationToken);

    /// <summary>
    /// The provider path: the endpoint verified the token with its provider (<see cref="IExternalTokenVerifier"/>, as a
    /// sign-in does); it must belong to a login linked to this account, and the session must be a recent sign-in.
    /// </summary>
    private async Task<Result> ConfirmProviderAsync(User user, DeleteAccountCommand command, CancellationToken cancellationToken)
    {
        if (command.Identity is not { } identity)
        {
            return DeletionErrors.ProviderTokenRequired;
        }

        var owner = await users.FindByLoginAsync(identity.Provider, identity.Subject);
        if (owner?.Id != user.Id)
        {
            return DeletionErrors.ExternalLoginMismatch;
        }

        return await reauthentication.CheckAsync(user, password: null, command.SessionId, cancellationToken);
    }
}
