using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.UpdateRoom;

internal sealed class UpdateRoomEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatch(ChatRoutes.Rooms + "/{roomId:guid}", HandleAsync)
            .WithName("UpdateRoom")
            .WithTags("Chat")
            .WithSummary("Rename a group room or set its topic (owner or admin)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeNameCodes])
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, UpdateRoomRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdateRoomCommand(user.GetUserId(), roomId, request.Name, request.Topic), cancellationToken)).ToOk();
}
