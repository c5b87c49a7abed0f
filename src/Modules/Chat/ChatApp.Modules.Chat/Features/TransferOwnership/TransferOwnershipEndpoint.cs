using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.TransferOwnership;

internal sealed class TransferOwnershipEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(ChatRoutes.Rooms + "/{roomId:guid}/owner", HandleAsync)
            .WithName("TransferOwnership")
            .WithTags("Chat")
            .WithSummary("Hand a group room I own to another member (I stay as an admin)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomOwner.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code, ChatErrors.MemberNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, TransferOwnershipRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new TransferOwnershipCommand(user.GetUserId(), roomId, request.UserId), cancellationToken)).ToOk();
}
