using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Accounts.Features.Login;

/// <summary>Signs in on one device.</summary>
[TransactionExemption(TransactionExemption.CommitOnFailure, "A failed sign-in must still count towards lockout.")]
internal sealed record LoginCommand(string Email, string Password, string? DeviceName) : ICommand<Result<TokenResponse>>;

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Password).PasswordInput();
        RuleFor(c => c.DeviceName!).SafeName(Session.DeviceNameMaxLength, required: false).When(c => c.DeviceName is not null);
    }
}

/// <summary>
/// Checks the credentials (see <see cref="CredentialsChecker"/>) and starts a device session. Signing in to a
/// deactivated account reactivates it; a banned or suspended one is refused (<see cref="SignInRefusal"/>).
/// </summary>
internal sealed class LoginHandler(
    CredentialsChecker credentials,
    SessionTokenIssuer issuer,
    AdminCookieValidator adminCookies,
    Profiles.ProfileCache profiles,
    AfterCommit afterCommit,
    TimeProvider timeProvider)
    : ICommandHandler<LoginCommand, Result<TokenResponse>>
{
    public async ValueTask<Result<TokenResponse>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await credentials.CheckAsync(command.Email, command.Password);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        if (SignInRefusal.For(user.Value, timeProvider.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        var reactivated = user.Value.DeactivatedAt is not null;
        user.Value.DeactivatedAt = null;
        var pair = await issuer.StartSessionAsync(user.Value, command.DeviceName);
        if (reactivated)
        {
            afterCommit.Run(() => adminCookies.Forget(user.Value.Id));
            profiles.ForgetAfterCommit(afterCommit, user.Value.Id);
        }

        return TokenResponse.From(pair);
    }
}
