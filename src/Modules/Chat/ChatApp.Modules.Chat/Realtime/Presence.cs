using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

internal sealed record PresenceState(bool Online, DateTime? LastSeenAt);

/// <summary>
/// Who is online, across all instances: a user is online while any of their connections, on any node, is alive.
/// Each node keeps its own connections alive by refreshing them (<see cref="PresenceRefresher"/>); the connections of a
/// node that died simply expire.
/// </summary>
internal interface IPresenceStore
{
    /// <summary>True when this is the user's first live connection (the user just came online).</summary>
    Task<bool> ConnectedAsync(Guid userId, string connectionId, DateTime now);

    /// <summary>True when that was the user's last live connection (the user just went offline; last seen is now).</summary>
    Task<bool> DisconnectedAsync(Guid userId, string connectionId, DateTime now);

    Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, DateTime now);

    /// <summary>Extends the life of this node's connections.</summary>
    Task RefreshAsync(DateTime now);
}

internal static class PresenceTiming
{
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);
}

/// <summary>Embedded default: one process holds all connections.</summary>
internal sealed class InMemoryPresenceStore : IPresenceStore
{
    private readonly ConcurrentDictionary<Guid, HashSet<string>> _connections = new();
    private readonly ConcurrentDictionary<Guid, DateTime> _lastSeen = new();

    public Task<bool> ConnectedAsync(Guid userId, string connectionId, DateTime now)
    {
        var set = _connections.GetOrAdd(userId, _ => []);
        lock (set)
        {
            set.Add(connectionId);
            return Task.FromResult(set.Count == 1);
        }
    }

    public Task<bool> DisconnectedAsync(Guid userId, string connectionId, DateTime now)
    {
        var set = _connections.GetOrAdd(userId, _ => []);
        lock (set)
        {
            if (!set.Remove(connectionId) || set.Count > 0)
            {
                return Task.FromResult(false);
            }
        }

        _lastSeen[userId] = now;
        return Task.FromResult(true);
    }

    public Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, DateTime now)
    {
        IReadOnlyDictionary<Guid, PresenceState> states = userIds.Distinct().ToDictionary(id => id, id =>
        {
            var online = _connections.TryGetValue(id, out var set) && Count(set) > 0;
            return new PresenceState(online, online ? null : _lastSeen.TryGetValue(id, out var seen) ? seen : null);
        });
        return Task.FromResult(states);
    }

    public Task RefreshAsync(DateTime now) => Task.CompletedTask;

    private static int Count(HashSet<string> set)
    {
        lock (set)
        {
            return set.Count;
        }
    }
}

/// <summary>
/// With Redis: per user, a sorted set of connection ids scored by their expiry; last seen in a plain key. A node
/// refreshes the expiry of its own live connections.
/// </summary>
internal sealed class RedisPresenceStore(IConnectionMultiplexer redis, string prefix) : IPresenceStore
{
    private readonly ConcurrentDictionary<string, Guid> _local = new(StringComparer.Ordinal);

    public async Task<bool> ConnectedAsync(Guid userId, string connectionId, DateTime now)
    {
        _local[connectionId] = userId;
        var db = redis.GetDatabase();
        var key = ConnectionsKey(userId);
        await db.SortedSetRemoveRangeByScoreAsync(key, double.NegativeInfinity, Score(now));
        await db.SortedSetAddAsync(key, connectionId, Score(now + PresenceTiming.ConnectionLifetime));
        await db.KeyExpireAsync(key, PresenceTiming.ConnectionLifetime * 2);
        return await db.SortedSetLengthAsync(key) == 1;
    }

    public async Task<bool> DisconnectedAsync(Guid userId, string connectionId, DateTime now)
    {
        _local.TryRemove(connectionId, out _);
        var db = redis.GetDatabase();
        var key = ConnectionsKey(userId);
        if (!await db.SortedSetRemoveAsync(key, connectionId))
        {
            return false;
        }

        if (await db.SortedSetLengthAsync(key, Score(now)) > 0)
        {
            return false;
        }

        await db.StringSetAsync(LastSeenKey(userId), now.Ticks, TimeSpan.FromDays(90));
        return true;
    }

    public async Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, DateTime now)
    {
        var db = redis.GetDatabase();
        var states = new Dictionary<Guid, PresenceState>();
        foreach (var userId in userIds.Distinct())
        {
            var online = await db.SortedSetLengthAsync(ConnectionsKey(userId), Score(now)) > 0;
            var seen = online ? RedisValue.Null : await db.StringGetAsync(LastSeenKey(userId));
            states[userId] = new PresenceState(online, seen.HasValue ? new DateTime((long)seen, DateTimeKind.Utc) : null);
        }

        return states;
    }

    public async Task RefreshAsync(DateTime now)
    {
        var db = redis.GetDatabase();
        foreach (var (connectionId, userId) in _local)
        {
            await db.SortedSetAddAsync(ConnectionsKey(userId), connectionId, Score(now + PresenceTiming.ConnectionLifetime));
            await db.KeyExpireAsync(ConnectionsKey(userId), PresenceTiming.ConnectionLifetime * 2);
        }
    }

    private RedisKey ConnectionsKey(Guid userId) => $"{prefix}connections:{userId:N}";

    private RedisKey LastSeenKey(Guid userId) => $"{prefix}last-seen:{userId:N}";

    private static double Score(DateTime time) => (time - DateTime.UnixEpoch).TotalMilliseconds;
}

/// <summary>Keeps this node's connections alive in the presence store.</summary>
internal sealed class PresenceRefresher(IPresenceStore store, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PresenceTiming.RefreshInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(timeProvider.GetUtcNow().UtcDateTime);
            }
            catch (RedisException)
            {
                // Redis is away: connections are refreshed at the next tick; presence is best effort.
            }
        }
    }
}
