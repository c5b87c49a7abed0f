using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

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
