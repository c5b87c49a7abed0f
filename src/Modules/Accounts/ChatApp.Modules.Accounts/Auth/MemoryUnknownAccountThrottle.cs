using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// <see cref="IUnknownAccountThrottle"/> in this process: the embedded default, and the fallback of the Redis one. The
/// counters live in a bounded cache of their own, so a flood of random e-mails cannot grow memory without limit.
/// </summary>
internal sealed class MemoryUnknownAccountThrottle(IOptions<IdentityOptions> identityOptions, IOptions<UnknownAccountLockoutOptions> options, TimeProvider timeProvider)
    : IUnknownAccountThrottle, IDisposable
{
    public const int MaxTrackedEmails = 100_000;

    private readonly MemoryCache _states = new(new MemoryCacheOptions { SizeLimit = MaxTrackedEmails });
    private readonly Lock _lock = new();

    public Task<TimeSpan?> LockedOutForAsync(string normalizedEmail)
    {
        lock (_lock)
        {
            return Task.FromResult(Remaining(normalizedEmail));
        }
    }

    public Task<TimeSpan?> RecordFailureAsync(string normalizedEmail)
    {
        var lockout = identityOptions.Value.Lockout;
        lock (_lock)
        {
            var failures = (_states.TryGetValue(normalizedEmail, out State? state) && state!.LockedUntil is null ? state.Failures : 0) + 1;
            if (failures >= lockout.MaxFailedAccessAttempts)
            {
                var until = timeProvider.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
                _states.Set(normalizedEmail, new State(0, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = lockout.DefaultLockoutTimeSpan });
                return Task.FromResult<TimeSpan?>(lockout.DefaultLockoutTimeSpan);
            }

            _states.Set(normalizedEmail, new State(failures, null), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.FailureMemory });
            return Task.FromResult<TimeSpan?>(null);
        }
    }

    public void Dispose() => _states.Dispose();

    private TimeSpan? Remaining(string normalizedEmail) =>
        _states.TryGetValue(normalizedEmail, out State? state) && state!.LockedUntil is { } until && until > timeProvider.GetUtcNow()
            ? until - timeProvider.GetUtcNow()
            : null;

    private sealed record State(int Failures, DateTimeOffset? LockedUntil);
}
