using ChatApp.Modules.Notifications.Domain;
using ChatApp.Modules.Notifications.Sending;

namespace ChatApp.UnitTests.Notifications.Sending;

public sealed class QuietHoursTests
{
    private static NotificationPreferences Quiet(string zone, string start, string end) =>
        new() { TimeZone = zone, QuietHoursStart = TimeOnly.Parse(start), QuietHoursEnd = TimeOnly.Parse(end) };

    [Theory]
    [InlineData("2026-12-01T21:59:00Z", false)] // 22:59 in Berlin (UTC+1 in winter)
    [InlineData("2026-12-01T22:00:00Z", true)]  // 23:00
    [InlineData("2026-12-02T02:30:00Z", true)]  // 03:30, after midnight
    [InlineData("2026-12-02T05:59:00Z", true)]  // 06:59
    [InlineData("2026-12-02T06:00:00Z", false)] // 07:00: the end is not quiet
    [InlineData("2026-07-01T21:30:00Z", true)]  // 23:30 in summer (UTC+2)
    public void A_window_over_midnight_holds_in_the_persons_time_zone(string utc, bool quiet) =>
        Assert.Equal(quiet, QuietHours.IsQuiet(Quiet("Europe/Berlin", "23:00", "07:00"), DateTimeOffset.Parse(utc).UtcDateTime));

    [Theory]
    [InlineData("2026-12-01T13:00:00Z", true)]  // 22:00 in Tokyo
    [InlineData("2026-12-01T11:00:00Z", false)] // 20:00
    public void A_window_within_a_day_holds(string utc, bool quiet) =>
        Assert.Equal(quiet, QuietHours.IsQuiet(Quiet("Asia/Tokyo", "21:00", "23:30"), DateTimeOffset.Parse(utc).UtcDateTime));

    [Fact]
    public void Nothing_is_quiet_without_a_window_or_a_known_zone()
    {
        var night = new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc);
        Assert.False(QuietHours.IsQuiet(null, night));
        Assert.False(QuietHours.IsQuiet(new NotificationPreferences { TimeZone = "UTC" }, night));
        Assert.False(QuietHours.IsQuiet(Quiet("Mars/Olympus", "00:00", "23:00"), night));
        Assert.True(QuietHours.IsQuiet(Quiet("UTC", "01:00", "03:00"), night));
    }
}
