using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.UnlinkLogin;

internal sealed record UnlinkLoginCommand(Guid UserId, string Provider) : ICommand<Result>;

/// <summary>
/// Unlinks a provider from the signed-in account, unless it is the last way in (no other provider, and no password or no e-mail):
/// then 409 <c>accounts.last_sign_in_method</c>. Removing a login changes the account's security stamp, so two
/// concurrent unlinks cannot both pass the check: the second runs again and sees the first.
/// </summary>
internal sealed class UnlinkLoginHandler(UserManager<User> users) : ICommandHandler<UnlinkLoginCommand, Result>
{
    public async ValueTask<Result> Handle(UnlinkLoginCommand command, CancellationToken cancellationToken)
    {
        if (!ExternalProviders.All.Contains(command.Provider))
        {
            return ExternalSignInErrors.UnknownProvider;
        }

        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        var logins = await users.GetLoginsAsync(user);
        var login = logins.FirstOrDefault(l => l.LoginProvider == command.Provider);
        if (login is null)
        {
            return ExternalSignInErrors.LoginNotFound;
        }

        // A password is a way in only together with an e-mail to sign in with.
        if (logins.Count == 1 && (string.IsNullOrEmpty(user.Email) || !await users.HasPasswordAsync(user)))
        {
            return ExternalSignInErrors.LastSignInMethod;
        }

        var removed = await users.RemoveLoginAsync(user, login.LoginProvider, login.ProviderKey);
        if (!removed.Succeeded)
        {
            throw new DbUpdateConcurrencyException("Unlinking met a concurrent change: " + string.Join(", ", removed.Errors.Select(e => e.Code)));
        }

        return Result.Success();
    }
}
