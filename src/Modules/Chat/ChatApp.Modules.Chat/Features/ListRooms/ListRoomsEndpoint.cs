using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ListRooms;

internal sealed class ListRoomsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ChatRoutes.Rooms, HandleAsync)
            .WithName("ListRooms")
            .WithTags("Chat")
            .WithSummary("My rooms, most recently active first, each with its last message, my read position and unread count")
            .RequireAuthorization();

    private static async Task<Ok<IReadOnlyList<RoomResponse>>> HandleAsync(ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRoomsQuery(user.GetUserId()), cancellationToken));
}
