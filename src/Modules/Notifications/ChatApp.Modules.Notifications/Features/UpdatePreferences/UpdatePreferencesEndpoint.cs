using System.Security.Claims;
using ChatApp.Modules.Notifications.Preferences;

namespace ChatApp.Modules.Notifications.Features.UpdatePreferences;

internal sealed class UpdatePreferencesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(NotificationsRoutes.Notifications + "/preferences", HandleAsync)
            .WithName("UpdateNotificationPreferences")
            .WithTags("Notifications")
            .WithSummary("Replace my push settings: previews, IANA time zone, quiet hours (need the time zone)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                "validation_failed",
                NotificationsErrors.InvalidTimeZoneCode,
                NotificationsErrors.InvalidQuietHoursCode,
                NotificationsErrors.QuietHoursNeedTimeZoneCode);

    private static async Task<Results<Ok<PreferencesResponse>, ProblemHttpResult>> HandleAsync(
        UpdatePreferencesRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new UpdatePreferencesCommand(user.GetUserId(), request.ShowPreviews, request.TimeZone, request.QuietHours), cancellationToken)).ToOk();
}
