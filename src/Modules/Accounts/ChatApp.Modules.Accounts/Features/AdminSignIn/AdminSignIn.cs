using System.Security.Claims;
using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Results;
using ChatApp.BuildingBlocks.Web;
using ChatApp.Modules.Accounts.Auth;
using ChatApp.Modules.Accounts.Domain;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace ChatApp.Modules.Accounts.Features.AdminSignIn;

/// <summary>Checks an administrator's e-mail and password for the browser sign-in of the admin pages (Hangfire dashboard).</summary>
internal sealed record AdminSignInCommand(string Email, string Password) : ICommand<Result<ClaimsPrincipal>>, INonTransactionalCommand;

internal sealed class AdminSignInHandler(UserManager<User> users, SignInManager<User> signIn)
    : ICommandHandler<AdminSignInCommand, Result<ClaimsPrincipal>>
{
    public const string Scheme = "AdminCookie";

    public async ValueTask<Result<ClaimsPrincipal>> Handle(AdminSignInCommand command, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrWhiteSpace(command.Email) ? null : await users.FindByEmailAsync(command.Email.Trim());
        if (user is null || string.IsNullOrEmpty(command.Password))
        {
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

        var roles = await users.GetRolesAsync(user);
        if (!roles.Contains(AuthorizationPolicies.AdminRole))
        {
            return AccountErrors.NotAdmin;
        }

        var claims = new List<Claim>
        {
            new(ClaimsPrincipalExtensions.SubjectClaim, user.Id.ToString()),
            new(ClaimsPrincipalExtensions.NameClaim, user.DisplayName),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimsPrincipalExtensions.RoleClaim, role)));
        var identity = new ClaimsIdentity(claims, Scheme, ClaimsPrincipalExtensions.NameClaim, ClaimsPrincipalExtensions.RoleClaim);
        return new ClaimsPrincipal(identity);
    }
}
