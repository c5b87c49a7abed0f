using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.Logout;

internal sealed class LogoutEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/logout", HandleAsync)
            .WithName("Logout")
            .WithTags("Accounts")
            .WithSummary("Sign out this device: revokes the current session and its refresh token")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var command = new LogoutCommand(user.GetUserId(), user.GetSessionId() ?? Guid.Empty);
        return (await sender.Send(command, cancellationToken)).ToNoContent();
    }
}
