using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Limits how fast one user can send, whatever the route (REST or hub): a token bucket per user. Retries of a send that
/// was already stored do not count. The buckets are per server instance, so behind N instances a user could reach N times
/// the rate at most; with sticky-free WebSockets a device stays on one instance, which keeps that rare.
/// </summary>
internal sealed class SendRateLimiter(IOptions<ChatOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _limiter = PartitionedRateLimiter.Create<Guid, Guid>(userId =>
        RateLimitPartition.GetTokenBucketLimiter(userId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.SendRateLimit.Burst,
            TokensPerPeriod = options.Value.SendRateLimit.PerPeriod,
            ReplenishmentPeriod = options.Value.SendRateLimit.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    public bool TryAcquire(Guid userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
