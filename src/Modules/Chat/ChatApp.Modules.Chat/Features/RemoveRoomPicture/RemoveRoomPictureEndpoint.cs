using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.RemoveRoomPicture;

internal sealed class RemoveRoomPictureEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(ChatRoutes.Rooms + "/{roomId:guid}/picture", HandleAsync)
            .WithName("RemoveRoomPicture")
            .WithTags("Chat")
            .WithSummary("Remove a group room's picture (owner or admin)")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid roomId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveRoomPictureCommand(user.GetUserId(), roomId), cancellationToken)).ToNoContent();
}
