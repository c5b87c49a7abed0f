using Microsoft.AspNetCore.Authentication;

namespace ChatApp.Modules.Accounts.Features.AdminSignOut;

/// <summary>Ends the administrator's browser sign-in (the admin cookie) and returns to the sign-in form.</summary>
internal sealed class AdminSignOutEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.AdminSignOut, (Delegate)SignOutAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(AdminCookie.Scheme);
        return Results.Redirect(AccountsRoutes.AdminSignIn);
    }
}
