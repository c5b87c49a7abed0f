using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.React;

internal sealed class ReactEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(ChatRoutes.Rooms + "/{roomId:guid}/messages/{messageId:guid}/reactions/{emoji}", HandleAsync)
            .WithName("AddReaction")
            .WithTags("Chat")
            .WithSummary("React to a message with an emoji (idempotent)")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.React)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeNameCodes])
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code, ChatErrors.MessageNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.MessageDeleted.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid roomId, Guid messageId, string emoji, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ReactCommand(user.GetUserId(), roomId, messageId, emoji), cancellationToken)).ToNoContent();
}
