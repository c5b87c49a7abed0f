using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// <see cref="IUnknownAccountThrottle"/> in Redis, so that behind N instances an unknown e-mail locks out after the same
/// five failures as a real account (whose count is in the shared database), not after 5 x N. Two keys per e-mail hash:
/// the failure count and, while locked out, a lock whose time to live is the lockout; Redis' clock alone decides.
/// While Redis cannot be reached, this instance's memory stands in.
/// </summary>
internal sealed class RedisUnknownAccountThrottle(
    IConnectionMultiplexer redis,
    MemoryUnknownAccountThrottle fallback,
    IOptions<IdentityOptions> identityOptions,
    IOptions<UnknownAccountLockoutOptions> options,
    ILogger<RedisUnknownAccountThrottle> logger) : IUnknownAccountThrottle
{
    // KEYS[1]: failure count, KEYS[2]: lock; ARGV: max failures, lockout ms, failure memory ms.
    // Returns the lockout in ms when this failure started one, 0 otherwise.
    private const string RecordFailureScript = """
        local failures = redis.call('INCR', KEYS[1])
        if failures >= tonumber(ARGV[1]) then
            redis.call('DEL', KEYS[1])
            redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
            return tonumber(ARGV[2])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 0
        """;

    public async Task<TimeSpan?> LockedOutForAsync(string normalizedEmail)
    {
        if (!redis.IsConnected)
        {
            return await fallback.LockedOutForAsync(normalizedEmail);
        }

        try
        {
            var remaining = await redis.GetDatabase().KeyTimeToLiveAsync(Key(normalizedEmail, "lock"));
            return remaining is { } ttl && ttl > TimeSpan.Zero ? ttl : null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Unknown-account lockouts cannot be read from Redis; this instance's memory stands in");
            return await fallback.LockedOutForAsync(normalizedEmail);
        }
    }

    public async Task<TimeSpan?> RecordFailureAsync(string normalizedEmail)
    {
        if (!redis.IsConnected)
        {
            return await fallback.RecordFailureAsync(normalizedEmail);
        }

        var lockout = identityOptions.Value.Lockout;
        try
        {
            var started = (long)await redis.GetDatabase().ScriptEvaluateAsync(RecordFailureScript,
                [Key(normalizedEmail, "failures"), Key(normalizedEmail, "lock")],
                [lockout.MaxFailedAccessAttempts, Milliseconds(lockout.DefaultLockoutTimeSpan), Milliseconds(options.Value.FailureMemory)]);
            return started > 0 ? TimeSpan.FromMilliseconds(started) : null;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Unknown-account failures cannot be counted in Redis; this instance's memory stands in");
            return await fallback.RecordFailureAsync(normalizedEmail);
        }
    }

    private static long Milliseconds(TimeSpan span) => (long)Math.Max(1, Math.Ceiling(span.TotalMilliseconds));

    /// <summary>Both keys of one e-mail share a hash tag (one cluster slot, as the script needs).</summary>
    private RedisKey Key(string normalizedEmail, string kind) =>
        $"{options.Value.RedisPrefix}{{{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)), 0, 16)}}}:{kind}";
}
