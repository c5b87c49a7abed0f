using System.Security.Claims;
using ChatApp.Modules.Notifications.Mutes;

namespace ChatApp.Modules.Notifications.Features.MuteRoom;

internal sealed class MuteRoomEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(NotificationsRoutes.Notifications + "/rooms/{roomId:guid}/mute", HandleAsync)
            .WithName("MuteRoom")
            .WithTags("Notifications")
            .WithSummary("Mute push notifications of a room of mine until a time, or (no until) until I unmute it")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", NotificationsErrors.InvalidMuteUntilCode)
            .ProducesErrors(StatusCodes.Status404NotFound, NotificationsErrors.RoomNotFound.Code);

    private static async Task<Results<Ok<MuteResponse>, ProblemHttpResult>> HandleAsync(
        Guid roomId, MuteRoomRequest? request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new MuteRoomCommand(user.GetUserId(), roomId, request?.Until), cancellationToken)).ToOk();
}
