using System.Security.Claims;

namespace ChatApp.Modules.Notifications.Features.UnmuteRoom;

internal sealed class UnmuteRoomEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(NotificationsRoutes.Notifications + "/rooms/{roomId:guid}/mute", HandleAsync)
            .WithName("UnmuteRoom")
            .WithTags("Notifications")
            .WithSummary("Unmute a room (idempotent)")
            .RequireAuthorization();

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid roomId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UnmuteRoomCommand(user.GetUserId(), roomId), cancellationToken)).ToNoContent();
}
