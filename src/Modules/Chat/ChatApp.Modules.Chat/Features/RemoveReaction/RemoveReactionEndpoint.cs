using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.RemoveReaction;

internal sealed class RemoveReactionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(ChatRoutes.Rooms + "/{roomId:guid}/messages/{messageId:guid}/reactions/{emoji}", HandleAsync)
            .WithName("RemoveReaction")
            .WithTags("Chat")
            .WithSummary("Take back my reaction (idempotent)")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.React)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeNameCodes])
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code, ChatErrors.MessageNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.MessageDeleted.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid roomId, Guid messageId, string emoji, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveReactionCommand(user.GetUserId(), roomId, messageId, emoji), cancellationToken)).ToNoContent();
}
