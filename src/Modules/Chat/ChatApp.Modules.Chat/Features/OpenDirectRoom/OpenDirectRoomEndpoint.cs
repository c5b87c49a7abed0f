using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.OpenDirectRoom;

internal sealed class OpenDirectRoomEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(ChatRoutes.Chat + "/direct/{userId:guid}", HandleAsync)
            .WithName("OpenDirectRoom")
            .WithTags("Chat")
            .WithSummary("Get or create my direct room with a user (idempotent): 201 when created, 200 when it existed")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.CreateRoom)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.Blocked.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.UserNotFound.Code);

    private static async Task<Results<Created<RoomResponse>, Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new OpenDirectRoomCommand(user.GetUserId(), userId), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var room = result.Value.Room;
        return result.Value.Created ? TypedResults.Created($"{ChatRoutes.Rooms}/{room.Id}", room) : TypedResults.Ok(room);
    }
}
