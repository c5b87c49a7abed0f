using System.Security.Claims;

namespace ChatApp.Modules.Accounts.Features.RevokeSession;

internal sealed class RevokeSessionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(AccountsRoutes.Accounts + "/sessions/{sessionId:guid}", HandleAsync)
            .WithName("RevokeSession")
            .WithTags("Accounts")
            .WithSummary("Sign out one of my devices (revokes that session)")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.SessionNotFound.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid sessionId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var command = new RevokeSessionCommand(user.GetUserId(), sessionId);
        return (await sender.Send(command, cancellationToken)).ToNoContent();
    }
}
