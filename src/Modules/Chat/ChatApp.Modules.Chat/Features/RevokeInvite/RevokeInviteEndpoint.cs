using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.RevokeInvite;

internal sealed class RevokeInviteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(ChatRoutes.Invites + "/{code}", HandleAsync)
            .WithName("RevokeInvite")
            .WithTags("Chat")
            .WithSummary("Revoke an invite link (a room's: owner or admin; a personal one: its maker)")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string code, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RevokeInviteCommand(user.GetUserId(), code), cancellationToken)).ToNoContent();
}
