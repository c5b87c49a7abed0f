using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatApp.Modules.Notifications.Providers;

/// <summary>
/// The named HTTP clients of the push services and their resilience: short transient failures (5xx, 408, 429,
/// timeouts, refused connections) are retried in-process, honouring a short <c>Retry-After</c>; a longer one is
/// returned to the caller as <see cref="PushOutcome.RetryLater"/> so the sender reschedules durably instead of a
/// worker sleeping. Retrying a POST is safe here: a repeated push replaces the first (collapse key / collapse id).
/// </summary>
internal static class PushHttpClients
{
    public const string Fcm = "fcm";
    public const string Apns = "apns";

    /// <summary>The longest <c>Retry-After</c> waited out in-process.</summary>
    public static readonly TimeSpan MaxInProcessRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The primary handler of the APNs client: HTTP/2 multiplexes many pushes per connection, more connections open
    /// when one is full, and connections are recycled every 30 minutes (DNS changes, Apple's load balancing).
    /// </summary>
    public static SocketsHttpHandler CreateApnsHandler() => new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionLifetime = TimeSpan.FromMinutes(30),
    };

    public static IHttpClientBuilder AddPushResilience(this IHttpClientBuilder builder)
    {
        builder.AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = 2;
            options.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetryInProcess(args.Outcome, DateTimeOffset.UtcNow));

            // A 429 is about one device (APNs) or carries its own wait: it must not stop pushes to everyone.
            options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests);
            options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
        });
        return builder;
    }

    /// <summary>A transient failure, unless the service asked to wait longer than <see cref="MaxInProcessRetryAfter"/>.</summary>
    public static bool ShouldRetryInProcess(Outcome<HttpResponseMessage> outcome, DateTimeOffset now)
    {
        if (!HttpClientResiliencePredicates.IsTransient(outcome))
        {
            return false;
        }

        return outcome.Result is not { } response
            || RetryAfter.From(response, now) is not { } wait
            || wait <= MaxInProcessRetryAfter;
    }
}
