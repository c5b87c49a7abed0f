using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.SetRoomPicture;

internal sealed class SetRoomPictureEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(ChatRoutes.Rooms + "/{roomId:guid}/picture", HandleAsync)
            .WithName("SetRoomPicture")
            .WithTags("Chat")
            .WithSummary("Set a group room's picture to one of my avatar uploads (owner or admin)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", ChatErrors.InvalidRoomPicture.Code)
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, SetRoomPictureRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SetRoomPictureCommand(user.GetUserId(), roomId, request.MediaId), cancellationToken)).ToOk();
}
