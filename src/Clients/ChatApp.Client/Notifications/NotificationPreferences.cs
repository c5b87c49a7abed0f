namespace ChatApp.Client.Notifications;

/// <summary>My push preferences (server: PreferencesResponse).</summary>
public sealed record NotificationPreferences(bool ShowPreviews, string? TimeZone, QuietHours? QuietHours);
