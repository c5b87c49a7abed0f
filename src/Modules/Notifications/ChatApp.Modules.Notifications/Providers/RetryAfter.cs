using System.Net.Http.Headers;

namespace ChatApp.Modules.Notifications.Providers;

/// <summary>Reads a push service's <c>Retry-After</c> (delta seconds or an HTTP date) as a wait from now.</summary>
internal static class RetryAfter
{
    public static TimeSpan? From(HttpResponseMessage response, DateTimeOffset now) => From(response.Headers.RetryAfter, now);

    public static TimeSpan? From(RetryConditionHeaderValue? value, DateTimeOffset now)
    {
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The header's raw text (e.g. <c>"120"</c> or <c>"Wed, 21 Oct 2026 07:28:00 GMT"</c>); null when absent or unreadable.</summary>
    public static TimeSpan? Parse(string? header, DateTimeOffset now) =>
        RetryConditionHeaderValue.TryParse(header, out var value) ? From(value, now) : null;
}
