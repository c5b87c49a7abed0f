using System.Security.Claims;
using ChatApp.Modules.Notifications.Devices;

namespace ChatApp.Modules.Notifications.Features.ListDevices;

internal sealed class ListDevicesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(NotificationsRoutes.Notifications + "/devices", HandleAsync)
            .WithName("ListDevices")
            .WithTags("Notifications")
            .WithSummary("My devices registered for push notifications (current: registered by this session)")
            .RequireAuthorization();

    private static async Task<Ok<IReadOnlyList<DeviceResponse>>> HandleAsync(ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDevicesQuery(user.GetUserId(), user.GetSessionId()), cancellationToken));
}
