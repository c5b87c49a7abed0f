using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.RemoveMember;

internal sealed class RemoveMemberEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(ChatRoutes.Rooms + "/{roomId:guid}/members/{userId:guid}", HandleAsync)
            .WithName("RemoveMember")
            .WithTags("Chat")
            .WithSummary("Remove a member from a group room I own or administer, or leave it (my own user id)")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code, ChatErrors.CannotRemoveManager.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code, ChatErrors.MemberNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid roomId, Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveMemberCommand(user.GetUserId(), roomId, userId), cancellationToken)).ToNoContent();
}
