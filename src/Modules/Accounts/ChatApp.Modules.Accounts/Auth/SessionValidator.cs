using ChatApp.BuildingBlocks.Time;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Access tokens name their session; a token of a revoked session stops working. The answer is cached per node for
/// <see cref="CacheDuration"/>; revocations on this node evict it at once, other nodes notice within the cache duration.
/// </summary>
internal sealed class SessionValidator(IMemoryCache cache, IServiceProvider services, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheDuration = SessionCache.Duration;

    public async ValueTask<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var key = CacheKey(sessionId);
        if (cache.TryGetValue(EndedKey(sessionId), out _))
        {
            return false;
        }

        if (cache.TryGetValue(key, out bool active))
        {
            return active;
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var now = timeProvider.GetUtcNowForStorage();
        active = await db.Sessions.AsNoTracking()
            .AnyAsync(s => s.Id == sessionId && s.RevokedAt == null && s.ExpiresAt > now, cancellationToken);
        if (cache.TryGetValue(EndedKey(sessionId), out _))
        {
            return false; // ended while we read: what we read may predate the commit that ended it
        }

        cache.Set(key, active, CacheDuration);
        return active;
    }

    /// <summary>
    /// These sessions ended for good (their account was deleted): answer false at once, even over a read of the database
    /// that started before the commit and would cache the old answer. Remembered for twice the cache duration.
    /// </summary>
    public void MarkEnded(IEnumerable<Guid> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            cache.Set(EndedKey(id), true, CacheDuration * 2);
            Forget(id);
        }
    }

    public void Forget(Guid sessionId) => cache.Remove(CacheKey(sessionId));

    public void Forget(IEnumerable<Guid> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            Forget(id);
        }
    }

    private static string CacheKey(Guid sessionId) => "accounts:session-active:" + sessionId.ToString("N");

    private static string EndedKey(Guid sessionId) => "accounts:session-ended:" + sessionId.ToString("N");
}
