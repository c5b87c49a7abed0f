using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.Host;

/// <summary>
/// Healthy when Redis answers a PING; Degraded (which readiness still answers 200) when it does not. Redis carries the
/// room bus, presence and jobs, but messages are stored in MySQL and clients catch up with a sync, so an instance without
/// Redis can still serve; were this check to unready every pod, one Redis blip would empty the Service (ADR 15).
/// It answers at once while the connection is down instead of waiting for the PING's timeout, so the probe stays within
/// its own timeout.
/// </summary>
internal sealed class RedisHealthCheck(StackExchange.Redis.IConnectionMultiplexer redis) : IHealthCheck
{
    /// <summary>The most a PING may take before the check gives up (also the registration's timeout).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Degraded("Redis is not connected; serving without it.");
        }

        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis does not answer; serving without it.", ex);
        }
    }
}
