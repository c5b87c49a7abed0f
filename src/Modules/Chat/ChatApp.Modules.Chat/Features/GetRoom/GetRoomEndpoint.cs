using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.GetRoom;

internal sealed class GetRoomEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ChatRoutes.Rooms + "/{roomId:guid}", HandleAsync)
            .WithName("GetRoom")
            .WithTags("Chat")
            .WithSummary("One of my rooms with its members")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetRoomQuery(user.GetUserId(), roomId), cancellationToken)).ToOk();
}
