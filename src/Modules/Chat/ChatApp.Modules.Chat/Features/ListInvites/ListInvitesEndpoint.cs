using System.Security.Claims;
using ChatApp.Modules.Chat.Invites;

namespace ChatApp.Modules.Chat.Features.ListInvites;

internal sealed class ListInvitesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(ChatRoutes.Rooms + "/{roomId:guid}/invites", ForRoomAsync)
            .WithName("ListInvites")
            .WithTags("Chat")
            .WithSummary("A group room's invite links (owner or admin)")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status403Forbidden, ChatErrors.NotRoomAdmin.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code)
            .ProducesErrors(StatusCodes.Status409Conflict, ChatErrors.NotAGroup.Code);
        app.MapGet(ChatRoutes.Invites + "/personal", MineAsync)
            .WithName("ListPersonalInvites")
            .WithTags("Chat")
            .WithSummary("My personal links")
            .RequireAuthorization();
    }

    private static async Task<Results<Ok<IReadOnlyList<InviteResponse>>, ProblemHttpResult>> ForRoomAsync(
        Guid roomId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListInvitesQuery(user.GetUserId(), roomId), cancellationToken)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<InviteResponse>>, ProblemHttpResult>> MineAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListInvitesQuery(user.GetUserId(), RoomId: null), cancellationToken)).ToOk();
}
