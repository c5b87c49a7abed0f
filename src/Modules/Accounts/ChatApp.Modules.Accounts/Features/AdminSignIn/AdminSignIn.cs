using System.Security.Claims;
using ChatApp.BuildingBlocks.UnitOfWork;

namespace ChatApp.Modules.Accounts.Features.AdminSignIn;

/// <summary>Checks an administrator's e-mail and password for the browser sign-in of the admin pages (Hangfire dashboard).</summary>
[TransactionExemption(TransactionExemption.CommitOnFailure, "A failed sign-in must still count towards lockout.")]
internal sealed record AdminSignInCommand(string Email, string Password) : ICommand<Result<ClaimsPrincipal>>;

internal sealed class AdminSignInHandler(CredentialsChecker credentials, UserManager<User> users, TimeProvider timeProvider)
    : ICommandHandler<AdminSignInCommand, Result<ClaimsPrincipal>>
{
    public async ValueTask<Result<ClaimsPrincipal>> Handle(AdminSignInCommand command, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(command.Email) || string.IsNullOrEmpty(command.Password))
        {
            return AccountErrors.InvalidCredentials;
        }

        var checkedUser = await credentials.CheckAsync(command.Email, command.Password);
        if (!checkedUser.IsSuccess)
        {
            return checkedUser.Error;
        }

        var user = checkedUser.Value;
        if (user.DeactivatedAt is not null)
        {
            // The dashboard does not reactivate: that is the app's sign-in, where the owner sees what happens.
            return AccountErrors.Deactivated;
        }

        if (SignInRefusal.For(user, timeProvider.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }

        var roles = await users.GetRolesAsync(user);
        if (!roles.Contains(AuthorizationPolicies.AdminRole))
        {
            return AccountErrors.NotAdmin;
        }

        var claims = new List<Claim>
        {
            new(ClaimsPrincipalExtensions.SubjectClaim, user.Id.ToString()),
            new(ClaimsPrincipalExtensions.NameClaim, user.DisplayName),
            new(AdminCookieValidator.SecurityStampClaim, user.SecurityStamp ?? ""),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimsPrincipalExtensions.RoleClaim, role)));
        var identity = new ClaimsIdentity(claims, AdminCookie.Scheme, ClaimsPrincipalExtensions.NameClaim, ClaimsPrincipalExtensions.RoleClaim);
        return new ClaimsPrincipal(identity);
    }
}
