using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.MarkRead;

internal sealed class MarkReadEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Rooms + "/{roomId:guid}/read", HandleAsync)
            .WithName("MarkRead")
            .WithTags("Chat")
            .WithSummary("Mark the room read up to a sequence number (read positions only move forward)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code);

    private static async Task<Results<Ok<ReadStateResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, MarkReadRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new MarkReadCommand(user.GetUserId(), roomId, request.Seq), cancellationToken)).ToOk();
}
