using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ChangeMemberRole;

internal sealed class ChangeMemberRoleEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(ChatRoutes.Rooms + "/{roomId:guid}/members/{userId:guid}/role", HandleAsync)
            .WithName("ChangeMemberRole")
            .WithTags("Chat")
            .WithSummary("Make a member of a group room I own an admin, or an admin a member again")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomOwner.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code, ChatErrors.MemberNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code, ChatErrors.OwnerRoleFixed.Code);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, Guid userId, ChangeMemberRoleRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ChangeMemberRoleCommand(user.GetUserId(), roomId, userId, request.Role ?? ""), cancellationToken)).ToOk();
}
