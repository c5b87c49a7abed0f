using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.GetMessages;

internal sealed class GetMessagesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ChatRoutes.Rooms + "/{roomId:guid}/messages", HandleAsync)
            .WithName("GetMessages")
            .WithTags("Chat")
            .WithSummary("Message history: ?before={seq} for older, ?after={seq} for newer, neither for the newest; limit 1..100 (default 50)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code);

    private static async Task<Results<Ok<MessagePage>, ProblemHttpResult>> HandleAsync(
        Guid roomId, long? before, long? after, int? limit, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetMessagesQuery(user.GetUserId(), roomId, before, after, limit ?? 50), cancellationToken)).ToOk();
}
