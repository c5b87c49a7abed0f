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
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        string code, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new JoinByInviteCommand(user.GetUserId(), code), cancellationToken)).ToOk();
}
