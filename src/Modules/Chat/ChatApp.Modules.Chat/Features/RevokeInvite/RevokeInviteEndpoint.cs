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
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.InviteNotFound.Code, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string code, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RevokeInviteCommand(user.GetUserId(), code), cancellationToken)).ToNoContent();
}
