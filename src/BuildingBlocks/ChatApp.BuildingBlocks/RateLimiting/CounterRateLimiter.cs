using System.Threading.RateLimiting;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// The rate limiter of one partition (one policy and one caller): admits a request when each of its counters in the
/// store has room. It holds no count itself, so the ASP.NET Core middleware may drop it when idle (after 10 s) and
/// create it again without losing anything. Requests are admitted or refused at once (no queue).
/// </summary>
internal sealed class CounterRateLimiter(IRateLimitCounterStore store, IReadOnlyList<RateLimitCounter> counters, TimeProvider timeProvider) : RateLimiter
{
    private long _lastUsedTimestamp = timeProvider.GetTimestamp();

    public IReadOnlyList<RateLimitCounter> Counters => counters;

    public override TimeSpan? IdleDuration => timeProvider.GetElapsedTime(Interlocked.Read(ref _lastUsedTimestamp));

    /// <summary>No statistics: the counts live in the store and are shared with other partitions and instances.</summary>
    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>
    /// The synchronous attempt cannot reach a shared store: it counts nothing and answers "not acquired" (without a
    /// retry hint), which makes ASP.NET Core's middleware go on to <see cref="RateLimiter.AcquireAsync"/>, where the
    /// request is counted. It always tries the synchronous path first.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => CounterLease.Deferred;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsedTimestamp, timeProvider.GetTimestamp());
        if (permitCount == 0 || counters.Count == 0)
        {
            return CounterLease.Admitted;
        }

        var decision = await store.TryAcquireAsync(counters, permitCount);
        return decision.Acquired ? CounterLease.Admitted : CounterLease.Rejected(decision.RetryAfter);
    }
}
