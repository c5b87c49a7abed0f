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
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                ["validation_failed", .. TextValidationRules.SafeTextCodes, ChatErrors.InvalidAttachments([]).Code])
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.Blocked.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.PartnerDeleted.Code, ChatErrors.ClientMessageIdReused.Code)
            .ProducesErrors(StatusCodes.Status429TooManyRequests, ChatErrors.RateLimited.Code, ChatErrors.Overloaded(TimeSpan.Zero).Code)
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, ChatErrors.ServerRestarting.Code);

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
