using ChatApp.BuildingBlocks.UnitOfWork;
using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.LinkLogin;

/// <param name="CurrentPassword">Required when the account has a password (<see cref="Reauthentication"/>).</param>
internal sealed record LinkLoginRequest(string Token, string? Nonce, string? CurrentPassword);

/// <summary>
/// Links the provider identity the endpoint verified (before the unit of work's transaction, <see cref="ExternalTokenInput"/>)
/// to the signed-in account.
/// </summary>
[TransactionExemption(TransactionExemption.CommitOnFailure, "A wrong current password must still count towards lockout, as a failed sign-in does.")]
internal sealed record LinkLoginCommand(Guid UserId, Guid? SessionId, ExternalIdentity Identity, string? CurrentPassword) : ICommand<Result>;

/// <summary>
/// Links a provider identity, proven by a fresh token, to the signed-in account: then signing in with that provider
/// signs in to this account. One identity per provider and account; an identity linked to another account is refused
/// (409), linking the same one again is a no-op. A stolen access token is not enough: the caller proves again that
/// they own the account (<see cref="Reauthentication"/>: the current password, or a recent sign-in).
/// </summary>
internal sealed class LinkLoginHandler(UserManager<User> users, Reauthentication reauthentication) : ICommandHandler<LinkLoginCommand, Result>
{
    public async ValueTask<Result> Handle(LinkLoginCommand command, CancellationToken cancellationToken)
    {
        var external = command.Identity;
        var owner = await users.FindByLoginAsync(external.Provider, external.Subject);
        if (owner is not null)
        {
            return owner.Id == command.UserId ? Result.Success() : ExternalSignInErrors.LoginTaken;
        }

        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var proven = await reauthentication.CheckAsync(user, command.CurrentPassword, command.SessionId, cancellationToken);
        if (!proven.IsSuccess)
        {
            return proven;
        }

        if ((await users.GetLoginsAsync(user)).Any(login => login.LoginProvider == external.Provider))
        {
            return ExternalSignInErrors.ProviderAlreadyLinked;
        }

        var linked = await users.AddLoginAsync(user, new UserLoginInfo(external.Provider, external.Subject, external.Provider));
        if (!linked.Succeeded)
        {
            // Linked to another account or changed concurrently: the unit of work runs the command again and it then sees why.
            throw new DbUpdateConcurrencyException("Linking met a concurrent change: " + string.Join(", ", linked.Errors.Select(e => e.Code)));
        }

        return Result.Success();
    }
}
