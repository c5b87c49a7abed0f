using System.Security.Claims;
using ChatApp.Modules.Notifications.Preferences;

namespace ChatApp.Modules.Notifications.Features.GetPreferences;

internal sealed class GetPreferencesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(NotificationsRoutes.Notifications + "/preferences", HandleAsync)
            .WithName("GetNotificationPreferences")
            .WithTags("Notifications")
            .WithSummary("My push settings: previews, time zone and quiet hours (defaults when never set)")
            .RequireAuthorization();

    private static async Task<Ok<PreferencesResponse>> HandleAsync(ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetPreferencesQuery(user.GetUserId()), cancellationToken));
}
