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
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, Guid userId, ChangeMemberRoleRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ChangeMemberRoleCommand(user.GetUserId(), roomId, userId, request.Role ?? ""), cancellationToken)).ToOk();
}
