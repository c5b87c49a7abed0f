using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.React;

internal sealed class ReactEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = ChatRoutes.Rooms + "/{roomId:guid}/messages/{messageId:guid}/reactions/{emoji}";
        app.MapPut(route, (Guid roomId, Guid messageId, string emoji, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                HandleAsync(new ReactCommand(user.GetUserId(), roomId, messageId, emoji, Add: true), sender, cancellationToken))
            .WithName("AddReaction")
            .WithTags("Chat")
            .WithSummary("React to a message with an emoji (idempotent)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapDelete(route, (Guid roomId, Guid messageId, string emoji, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                HandleAsync(new ReactCommand(user.GetUserId(), roomId, messageId, emoji, Add: false), sender, cancellationToken))
            .WithName("RemoveReaction")
            .WithTags("Chat")
            .WithSummary("Take back my reaction (idempotent)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(ReactCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToNoContent();
}
