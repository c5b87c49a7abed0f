namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>A scripted answer of <see cref="FakeApnsServer"/> to the next push for a token: status, APNs reason, and for 410 the timestamp.</summary>
public sealed record ApnsReply(int Status, string? Reason = null, DateTimeOffset? Timestamp = null, string? RetryAfter = null)
{
    public static readonly ApnsReply Ok = new(200);

    public static readonly ApnsReply BadDeviceToken = new(400, "BadDeviceToken");

    public static readonly ApnsReply DeviceTokenNotForTopic = new(400, "DeviceTokenNotForTopic");

    public static readonly ApnsReply ServiceUnavailable = new(503, "ServiceUnavailable");

    public static ApnsReply Unregistered(DateTimeOffset since) => new(410, "Unregistered", since);

    public static ApnsReply TooManyRequests(string? retryAfter = null) => new(429, "TooManyRequests", RetryAfter: retryAfter);
}
