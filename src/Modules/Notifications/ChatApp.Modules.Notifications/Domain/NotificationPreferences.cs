namespace ChatApp.Modules.Notifications.Domain;

/// <summary>A person's push settings; someone without a row has the defaults (previews on, no quiet hours).</summary>
internal sealed class NotificationPreferences
{
    public const int MaxTimeZoneLength = 64;

    public Guid UserId { get; set; }

    /// <summary>Whether a push shows the message text, or only "New message".</summary>
    public bool ShowPreviews { get; set; } = true;

    /// <summary>IANA time zone the quiet hours are in (e.g. Europe/Berlin).</summary>
    public string? TimeZone { get; set; }

    /// <summary>Local time from which nothing is pushed; with <see cref="QuietHoursEnd"/> (may wrap midnight).</summary>
    public TimeOnly? QuietHoursStart { get; set; }

    public TimeOnly? QuietHoursEnd { get; set; }

    public DateTime UpdatedAt { get; set; }
}
