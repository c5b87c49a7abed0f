namespace ChatApp.Modules.Notifications.Sending;

/// <summary>Whether a person's quiet hours hold at a moment, in their own time zone (a window may wrap midnight).</summary>
internal static class QuietHours
{
    public static bool IsQuiet(NotificationPreferences? preferences, DateTime utcNow)
    {
        if (preferences is not { QuietHoursStart: { } start, QuietHoursEnd: { } end, TimeZone: { } zoneId } || start == end
            || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return false;
        }

        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone));
        return local.IsBetween(start, end);
    }
}
