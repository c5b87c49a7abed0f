using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Results;
using ChatApp.Modules.Accounts.Auth;
using ChatApp.Modules.Accounts.Domain;
using ChatApp.Modules.Accounts.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ChatApp.Modules.Accounts.Features.Login;

/// <summary>Signs in on one device. Non-transactional: a failed attempt must still be counted towards lockout.</summary>
internal sealed record LoginCommand(string Email, string Password, string? DeviceName)
    : ICommand<Result<TokenResponse>>, INonTransactionalCommand;

internal sealed class LoginValidator : AbstractValidator<LoginCommand>
{
    public LoginValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256);
        RuleFor(c => c.Password).PasswordInput();
        RuleFor(c => c.DeviceName).MaximumLength(Session.DeviceNameMaxLength);
    }
}

/// <summary>
/// Unknown e-mail and wrong password give the same 401, take comparable time (a password hash is verified either way)
/// and lock out after the same number of failures.
/// </summary>
internal sealed class LoginHandler(
    UserManager<User> users,
    SignInManager<User> signIn,
    UnknownAccountThrottle unknownAccounts,
    SessionTokenIssuer issuer,
    AccountsDbContext db) : ICommandHandler<LoginCommand, Result<TokenResponse>>
{
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    public async ValueTask<Result<TokenResponse>> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(command.Email.Trim());
        if (user is null)
        {
            var normalized = users.NormalizeEmail(command.Email.Trim());
            if (unknownAccounts.IsLockedOut(normalized))
            {
                return AccountErrors.LockedOut;
            }

            users.PasswordHasher.VerifyHashedPassword(new User(), DummyHash.Value, command.Password);
            unknownAccounts.RecordFailure(normalized);
            return AccountErrors.InvalidCredentials;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, command.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return AccountErrors.LockedOut;
        }

        if (!check.Succeeded)
        {
            return AccountErrors.InvalidCredentials;
        }

        var pair = await issuer.StartSessionAsync(user, command.DeviceName);
        await db.SaveChangesAsync(cancellationToken);
        return TokenResponse.From(pair);
    }
}
