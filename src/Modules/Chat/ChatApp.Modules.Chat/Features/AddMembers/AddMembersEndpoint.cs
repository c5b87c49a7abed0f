using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.AddMembers;

internal sealed class AddMembersEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Rooms + "/{roomId:guid}/members", HandleAsync)
            .WithName("AddMembers")
            .WithTags("Chat")
            .WithSummary("Add people to a group room I own or administer")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, AddMembersRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new AddMembersCommand(user.GetUserId(), roomId, request.UserIds ?? []), cancellationToken)).ToOk();
}
