using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.SendMessage;

internal sealed class SendMessageEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Rooms + "/{roomId:guid}/messages", HandleAsync)
            .WithName("SendMessage")
            .WithTags("Chat")
            .WithSummary("Send a message: 201 when stored, 200 with the original when this (sender, clientMessageId) was already sent")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Created<MessageResponse>, Ok<MessageResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, SendMessageRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        var command = new SendMessageCommand(user.GetUserId(), roomId, request.ClientMessageId, request.Text ?? "", request.ReplyTo, request.Attachments);
        var result = await sender.Send(command, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var message = result.Value.Message;
        return result.Value.Created
            ? TypedResults.Created($"{ChatRoutes.Rooms}/{roomId}/messages?after={message.Seq - 1}&limit=1", message)
            : TypedResults.Ok(message);
    }
}
