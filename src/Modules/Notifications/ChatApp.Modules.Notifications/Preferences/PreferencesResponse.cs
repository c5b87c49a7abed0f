using System.Globalization;

namespace ChatApp.Modules.Notifications.Preferences;

/// <summary>My push settings; someone who never set them gets the defaults (previews on, no time zone, no quiet hours).</summary>
internal sealed record PreferencesResponse(bool ShowPreviews, string? TimeZone, QuietHoursResponse? QuietHours)
{
    public static readonly PreferencesResponse Defaults = new(true, null, null);

    public static PreferencesResponse From(NotificationPreferences? preferences) => preferences is null
        ? Defaults
        : new PreferencesResponse(
            preferences.ShowPreviews,
            preferences.TimeZone,
            preferences is { QuietHoursStart: { } start, QuietHoursEnd: { } end }
                ? new QuietHoursResponse(
                    start.ToString(QuietHoursResponse.TimeFormat, CultureInfo.InvariantCulture),
                    end.ToString(QuietHoursResponse.TimeFormat, CultureInfo.InvariantCulture))
                : null);
}
