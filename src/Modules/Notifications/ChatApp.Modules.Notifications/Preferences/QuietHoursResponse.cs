namespace ChatApp.Modules.Notifications.Preferences;

/// <summary>Local times (24-hour <c>HH:mm</c>, in the preferences' time zone) between which nothing is pushed; may wrap midnight.</summary>
internal sealed record QuietHoursResponse(string Start, string End)
{
    public const string TimeFormat = "HH:mm";
}
