namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// The counters in this process: the embedded default (no Redis), and what the Redis store falls back to while Redis
/// cannot be reached. Expired windows are swept now and then, so the table holds only live counters.
/// </summary>
internal sealed class MemoryRateLimitCounterStore(TimeProvider timeProvider) : IRateLimitCounterStore
{
    private const int SweepEvery = 1024;

    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _acquisitionsSinceSweep;

    /// <summary>How many counters are held (live or not yet swept).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _windows.Count;
            }
        }
    }

    public ValueTask<RateLimitDecision> TryAcquireAsync(IReadOnlyList<RateLimitCounter> counters, int permits) =>
        ValueTask.FromResult(TryAcquire(counters, permits));

    public RateLimitDecision TryAcquire(IReadOnlyList<RateLimitCounter> counters, int permits)
    {
        var now = timeProvider.GetUtcNow();
        lock (_lock)
        {
            SweepNowAndThen(now);
            var wait = TimeSpan.Zero;
            foreach (var counter in counters)
            {
                var count = _windows.TryGetValue(counter.Key, out var window) && window.EndsAt > now ? window.Count : 0;
                if (count + permits > counter.PermitLimit)
                {
                    var retryAfter = count > 0 ? window.EndsAt - now : counter.Window;
                    wait = retryAfter > wait ? retryAfter : wait;
                }
            }

            if (wait > TimeSpan.Zero)
            {
                return RateLimitDecision.Rejected(wait);
            }

            foreach (var counter in counters)
            {
                _windows[counter.Key] = _windows.TryGetValue(counter.Key, out var window) && window.EndsAt > now
                    ? window with { Count = window.Count + permits }
                    : new Window(permits, now + counter.Window);
            }

            return RateLimitDecision.Admitted;
        }
    }

    private void SweepNowAndThen(DateTimeOffset now)
    {
        if (++_acquisitionsSinceSweep < SweepEvery)
        {
            return;
        }

        _acquisitionsSinceSweep = 0;
        foreach (var (key, window) in _windows)
        {
            if (window.EndsAt <= now)
            {
                _windows.Remove(key);
            }
        }
    }

    private readonly record struct Window(int Count, DateTimeOffset EndsAt);
}
