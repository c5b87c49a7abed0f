using ChatApp.Modules.Accounts.External;

namespace ChatApp.Modules.Accounts.Features.SetPassword;

internal sealed record SetPasswordRequest(string NewPassword);

internal sealed record SetPasswordCommand(Guid UserId, Guid? SessionId, string NewPassword) : ICommand<Result>;

internal sealed class SetPasswordValidator : AbstractValidator<SetPasswordCommand>
{
    public SetPasswordValidator(UserManager<User> users)
    {
        RuleFor(c => c.NewPassword).PasswordInput();
        RuleFor(c => c.NewPassword).MeetsPasswordRules(users);
    }
}

/// <summary>
/// Gives an account made by a provider its first password (Identity's password rules), so it can also sign in with
/// its e-mail; an account that has one changes it with ChangePassword instead (409 <c>accounts.password_already_set</c>),
/// and an account without an e-mail (Facebook, or an address the provider did not vouch for) cannot use one (409
/// <c>accounts.email_required</c>). A stolen access token is not enough: the session must come from a recent sign-in
/// (<see cref="Reauthentication"/>, else 403 <c>accounts.reauthentication_required</c>).
/// </summary>
internal sealed class SetPasswordHandler(UserManager<User> users, Reauthentication reauthentication) : ICommandHandler<SetPasswordCommand, Result>
{
    public async ValueTask<Result> Handle(SetPasswordCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null)
        {
            return AccountErrors.UserNotFound;
        }

        if (await users.HasPasswordAsync(user))
        {
            return ExternalSignInErrors.PasswordAlreadySet;
        }

        if (string.IsNullOrEmpty(user.Email))
        {
            return ExternalSignInErrors.EmailRequired;
        }

        var proven = await reauthentication.CheckAsync(user, null, command.SessionId, cancellationToken);
        if (!proven.IsSuccess)
        {
            return proven;
        }

        var added = await users.AddPasswordAsync(user, command.NewPassword);
        if (added.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.UserAlreadyHasPassword) or nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            return ExternalSignInErrors.PasswordAlreadySet;
        }

        return added.Succeeded ? Result.Success() : AccountErrors.FromIdentity(added.Errors, passwordField: "newPassword");
    }
}
