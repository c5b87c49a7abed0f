using System.Security.Claims;

namespace ChatApp.Modules.Notifications.Features.RemoveDevice;

internal sealed class RemoveDeviceEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(NotificationsRoutes.Notifications + "/devices/{token}", HandleAsync)
            .WithName("RemoveDevice")
            .WithTags("Notifications")
            .WithSummary("Stop push notifications to one of my devices")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, NotificationsErrors.DeviceNotFound.Code);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string token, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RemoveDeviceCommand(user.GetUserId(), token), cancellationToken)).ToNoContent();
}
