using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.CreateGroupRoom;

internal sealed class CreateGroupRoomEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Rooms, HandleAsync)
            .WithName("CreateGroupRoom")
            .WithTags("Chat")
            .WithSummary("Create a group room that I own")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.CreateRoom)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeNameCodes]);

    private static async Task<Results<Created<RoomResponse>, ProblemHttpResult>> HandleAsync(
        CreateGroupRoomRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new CreateGroupRoomCommand(user.GetUserId(), request.Name, request.MemberIds ?? []), cancellationToken);
        return result.IsSuccess ? TypedResults.Created($"{ChatRoutes.Rooms}/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }
}
