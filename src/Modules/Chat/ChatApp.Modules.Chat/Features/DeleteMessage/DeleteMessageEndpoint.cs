using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.DeleteMessage;

internal sealed class DeleteMessageEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(ChatRoutes.Rooms + "/{roomId:guid}/messages/{messageId:guid}", HandleAsync)
            .WithName("DeleteMessage")
            .WithTags("Chat")
            .WithSummary("Delete a message I sent (a tombstone stays in the history)")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.EditMessage)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotMessageSender.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code, ChatErrors.MessageNotFound.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid roomId, Guid messageId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteMessageCommand(user.GetUserId(), roomId, messageId), cancellationToken)).ToNoContent();
}
