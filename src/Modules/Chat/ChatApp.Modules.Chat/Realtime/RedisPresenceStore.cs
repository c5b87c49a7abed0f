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

    public Task ForgetAsync(Guid userId) => redis.GetDatabase().KeyDeleteAsync([LastSeenKey(userId), ConnectionsKey(userId)]);

    public async Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, DateTime now)
    {
        // All questions at once (pipelined on the multiplexer's connection), not one round trip per user: the outbox asks
        // about every recipient of a send batch, hundreds of times a second.
        var db = redis.GetDatabase();
        var users = userIds.Distinct().ToList();
        var counts = await Task.WhenAll(users.Select(userId => db.SortedSetLengthAsync(ConnectionsKey(userId), Score(now))));
        var offline = users.Where((_, i) => counts[i] == 0).ToList();
        var seen = offline.Count == 0 ? [] : await db.StringGetAsync(offline.Select(LastSeenKey).ToArray());
        var states = new Dictionary<Guid, PresenceState>(users.Count);
        for (var i = 0; i < users.Count; i++)
        {
            if (counts[i] > 0)
            {
                states[users[i]] = new PresenceState(true, null);
            }
        }

        for (var i = 0; i < offline.Count; i++)
        {
            states[offline[i]] = new PresenceState(false, seen[i].HasValue ? new DateTime((long)seen[i], DateTimeKind.Utc) : null);
        }

        return states;
    }

    public async Task RefreshAsync(DateTime now)
    {
        // Pipelined: one batch of commands for all of this node's connections rather than two round trips each.
        var batch = redis.GetDatabase().CreateBatch();
        var writes = new List<Task>(_local.Count * 2);
        foreach (var (connectionId, userId) in _local)
        {
            writes.Add(batch.SortedSetAddAsync(ConnectionsKey(userId), connectionId, Score(now + PresenceTiming.ConnectionLifetime)));
            writes.Add(batch.KeyExpireAsync(ConnectionsKey(userId), PresenceTiming.ConnectionLifetime * 2));
        }

        batch.Execute();
        await Task.WhenAll(writes);
    }

    private RedisKey ConnectionsKey(Guid userId) => $"{prefix}connections:{userId:N}";

    private RedisKey LastSeenKey(Guid userId) => $"{prefix}last-seen:{userId:N}";

    private static double Score(DateTime time) => (time - DateTime.UnixEpoch).TotalMilliseconds;
}
