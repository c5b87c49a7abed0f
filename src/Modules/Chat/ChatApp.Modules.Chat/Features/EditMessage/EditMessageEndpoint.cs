using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.EditMessage;

internal sealed class EditMessageEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPatch(ChatRoutes.Rooms + "/{roomId:guid}/messages/{messageId:guid}", HandleAsync)
            .WithName("EditMessage")
            .WithTags("Chat")
            .WithSummary("Edit the text of a message I sent")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.EditMessage)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, ["validation_failed", .. TextValidationRules.SafeTextCodes])
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotMessageSender.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code, ChatErrors.MessageNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.MessageDeleted.Code);

    private static async Task<Results<Ok<MessageResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, Guid messageId, EditMessageRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new EditMessageCommand(user.GetUserId(), roomId, messageId, request.Text), cancellationToken)).ToOk();
}
