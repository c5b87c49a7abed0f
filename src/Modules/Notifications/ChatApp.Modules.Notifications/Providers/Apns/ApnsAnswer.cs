using System.Net;
using System.Text.Json;

namespace ChatApp.Modules.Notifications.Providers.Apns;

/// <summary>
/// What an APNs answer means for the device. Errors carry <c>{"reason":"BadDeviceToken"}</c>; a 410 also the time (ms
/// since the epoch) since which the token is invalid, so a device registered again after that is not removed.
/// </summary>
internal static class ApnsAnswer
{
    /// <summary>A 403 about the provider token: renewing it may help (once).</summary>
    public static bool IsProviderTokenRejection(HttpStatusCode status, string body) =>
        status == HttpStatusCode.Forbidden && Read(body).Reason is "ExpiredProviderToken" or "InvalidProviderToken";

    public static PushResult Classify(HttpStatusCode status, string body, TimeSpan? retryAfter)
    {
        if (status == HttpStatusCode.OK)
        {
            return PushResult.Sent;
        }

        var (reason, timestamp) = Read(body);
        var text = $"apns {(int)status} {reason}".TrimEnd();
        switch ((int)status)
        {
            case 410:
                return PushResult.DeviceGone(text, timestamp is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null);
            case 400 when reason is "BadDeviceToken" or "DeviceTokenNotForTopic":
                return PushResult.DeviceGone(text);
            case 403 when reason is "ExpiredProviderToken" or "InvalidProviderToken" or "MissingProviderToken":
            case 408:
            case 429:
            case >= 500:
                return PushResult.RetryLater(text, retryAfter);
            default:
                return PushResult.Rejected(text);
        }
    }

    private static (string? Reason, long? Timestamp) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var timestamp = root.TryGetProperty("timestamp", out var t) && t.ValueKind == JsonValueKind.Number && t.TryGetInt64(out var ms) ? ms : (long?)null;
            return (reason, timestamp);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
