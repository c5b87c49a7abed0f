using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// The counters in Redis, shared by every instance: one Lua script checks all of a request's counters and increments
/// them only if each has room, atomically (two instances cannot both take the last permit). Windows are Redis key
/// expiries (PEXPIRE), so the instances' clocks play no part. While Redis cannot be reached the limits are applied
/// per instance (<see cref="MemoryRateLimitCounterStore"/>) instead of failing the request or letting everything through.
/// </summary>
internal sealed class RedisRateLimitCounterStore(IConnectionMultiplexer redis, MemoryRateLimitCounterStore fallback, TimeProvider timeProvider,
    ILogger<RedisRateLimitCounterStore> logger) : IRateLimitCounterStore
{
    // KEYS: the counters; ARGV[1]: permits; ARGV[2i], ARGV[2i+1]: counter i's permit limit and window in milliseconds.
    // Returns { 1, 0 } when admitted, { 0, milliseconds until the fullest counter has room } when not.
    private const string Script = """
        local permits = tonumber(ARGV[1])
        local wait = 0
        for i, key in ipairs(KEYS) do
            local limit = tonumber(ARGV[2 * i])
            local count = tonumber(redis.call('GET', key) or '0')
            if count + permits > limit then
                local ttl = redis.call('PTTL', key)
                if ttl < 0 then ttl = tonumber(ARGV[2 * i + 1]) end
                if ttl > wait then wait = ttl end
            end
        end
        if wait > 0 then return { 0, wait } end
        for i, key in ipairs(KEYS) do
            if redis.call('INCRBY', key, permits) == permits then
                redis.call('PEXPIRE', key, ARGV[2 * i + 1])
            end
        end
        return { 1, 0 }
        """;

    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);
    private long _lastWarningTimestamp;

    public async ValueTask<RateLimitDecision> TryAcquireAsync(IReadOnlyList<RateLimitCounter> counters, int permits)
    {
        var keys = new RedisKey[counters.Count];
        var values = new RedisValue[1 + (2 * counters.Count)];
        values[0] = permits;
        for (var i = 0; i < counters.Count; i++)
        {
            keys[i] = counters[i].Key;
            values[1 + (2 * i)] = counters[i].PermitLimit;
            values[2 + (2 * i)] = (long)Math.Max(1, Math.Ceiling(counters[i].Window.TotalMilliseconds));
        }

        if (!redis.IsConnected)
        {
            // Not even trying: a command would wait in the client's backlog for its whole timeout first.
            WarnNowAndThen(null);
            return fallback.TryAcquire(counters, permits);
        }

        try
        {
            var result = (RedisValue[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, values))!;
            return (long)result[0] == 1
                ? RateLimitDecision.Admitted
                : RateLimitDecision.Rejected(TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            WarnNowAndThen(exception);
            return fallback.TryAcquire(counters, permits);
        }
    }

    private void WarnNowAndThen(Exception? exception)
    {
        var last = Interlocked.Read(ref _lastWarningTimestamp);
        if (last != 0 && timeProvider.GetElapsedTime(last) < WarnEvery)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastWarningTimestamp, timeProvider.GetTimestamp(), last) == last)
        {
            logger.LogWarning(exception, "Rate limit counters cannot be read from Redis; limits apply per instance until it is back");
        }
    }
}
