using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ChangeMessage;

internal sealed class ChangeMessageEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPatch(ChatRoutes.Rooms + "/{roomId:guid}/messages/{messageId:guid}", EditAsync)
            .WithName("EditMessage")
            .WithTags("Chat")
            .WithSummary("Edit the text of a message I sent")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapDelete(ChatRoutes.Rooms + "/{roomId:guid}/messages/{messageId:guid}", DeleteAsync)
            .WithName("DeleteMessage")
            .WithTags("Chat")
            .WithSummary("Delete a message I sent (a tombstone stays in the history)")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> EditAsync(
        Guid roomId, Guid messageId, EditMessageRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new EditMessageCommand(user.GetUserId(), roomId, messageId, request.Text), cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid roomId, Guid messageId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new DeleteMessageCommand(user.GetUserId(), roomId, messageId), cancellationToken)).ToNoContent();
}
