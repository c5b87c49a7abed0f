namespace ChatApp.Client.Notifications;

/// <summary>A daily window without alerts, "HH:mm" in the preferences' time zone; it may wrap midnight (server: QuietHoursResponse).</summary>
public sealed record QuietHours(string Start, string End);
