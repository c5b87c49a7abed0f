using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.ListSessions;

internal sealed class ListSessionsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(AccountsRoutes.Accounts + "/sessions", HandleAsync)
            .WithName("ListSessions")
            .WithTags("Accounts")
            .WithSummary("List my active sessions (one per signed-in device)")
            .RequireAuthorization();

    private static async Task<Ok<IReadOnlyList<SessionResponse>>> HandleAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListSessionsQuery(user.GetUserId(), user.GetSessionId()), cancellationToken));
}
