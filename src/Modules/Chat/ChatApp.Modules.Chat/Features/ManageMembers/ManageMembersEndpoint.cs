using System.Security.Claims;
using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Features.ManageMembers;

internal sealed class ManageMembersEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost(ChatRoutes.Rooms + "/{roomId:guid}/members", AddAsync)
            .WithName("AddMembers")
            .WithTags("Chat")
            .WithSummary("Add people to a group room I own")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        app.MapDelete(ChatRoutes.Rooms + "/{roomId:guid}/members/{userId:guid}", RemoveAsync)
            .WithName("RemoveMember")
            .WithTags("Chat")
            .WithSummary("Remove a member from a group room I own, or leave it (my own user id)")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<RoomResponse>, ProblemHttpResult>> AddAsync(
        Guid roomId, AddMembersRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new AddMembersCommand(user.GetUserId(), roomId, request.UserIds ?? []), cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        Guid roomId, Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveMemberCommand(user.GetUserId(), roomId, userId), cancellationToken)).ToNoContent();
}
