using System.Security.Claims;
using ChatApp.Modules.Notifications.Devices;

namespace ChatApp.Modules.Notifications.Features.RegisterDevice;

internal sealed class RegisterDeviceEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(NotificationsRoutes.Notifications + "/devices", HandleAsync)
            .WithName("RegisterDevice")
            .WithTags("Notifications")
            .WithSummary("Register this phone's push token for my session (upsert by token): 201 when new to me, 200 when updated")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                "validation_failed",
                NotificationsErrors.InvalidPlatformCode,
                NotificationsErrors.InvalidTokenCode,
                NotificationsErrors.InvalidAppIdCode,
                NotificationsErrors.UnknownAppIdCode,
                NotificationsErrors.InvalidLocaleCode)
            .ProducesErrors(StatusCodes.Status401Unauthorized, NotificationsErrors.SessionRequired.Code);

    private static async Task<Results<Created<DeviceResponse>, Ok<DeviceResponse>, ProblemHttpResult>> HandleAsync(
        RegisterDeviceRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken)
    {
        if (user.GetSessionId() is not { } sessionId)
        {
            return NotificationsErrors.SessionRequired.ToProblem();
        }

        var result = await sender.Send(
            new RegisterDeviceCommand(user.GetUserId(), sessionId, request.Platform, request.Token, request.AppId, request.Locale), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.ToProblem();
        }

        var device = result.Value.Device;
        return result.Value.Created
            ? TypedResults.Created($"{NotificationsRoutes.Notifications}/devices/{Uri.EscapeDataString(device.Token)}", device)
            : TypedResults.Ok(device);
    }
}
