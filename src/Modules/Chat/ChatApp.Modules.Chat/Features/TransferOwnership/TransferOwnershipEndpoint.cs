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
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, TransferOwnershipRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new TransferOwnershipCommand(user.GetUserId(), roomId, request.UserId), cancellationToken)).ToOk();
}
