using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.JoinByInvite;

internal sealed class JoinByInviteEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Invites + "/{code}/join", HandleAsync)
            .WithName("JoinByInvite")
            .WithTags("Chat")
            .WithSummary("Use an invite link: join its group room, or open a direct chat with the maker of a personal link")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.InviteLookup)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.Blocked.Code, ChatErrors.RemovedFromRoom.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.InviteNotFound.Code)
            .ProducesErrors(
                StatusCodes.Status409Conflict,
                ChatErrors.InviteRevoked.Code,
                ChatErrors.InviteExpired.Code,
                ChatErrors.InviteUsedUp.Code,
                ChatErrors.OwnInvite.Code,
                ChatErrors.RoomFull.Code);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        string code, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new JoinByInviteCommand(user.GetUserId(), code), cancellationToken)).ToOk();
}
