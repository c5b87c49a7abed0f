using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.BuildingBlocks.Caching;

/// <summary>
/// Generations in Redis: one GET (MGET for several tags) per read, one SET per changed tag. A change sets a new random
/// generation rather than incrementing: a key that expired (it lives twice as long as an entry after the last change) or
/// was lost with a Redis restart would otherwise count again from 1 and bring back entries stored under an old number.
/// A missing key reads as 0, and every entry stored under 0 is older than the change that replaced it. While Redis is
/// disconnected both calls fail at once (instead of waiting in the client's backlog for its timeout): reads then bypass
/// the cache, and the change's invalidation is logged as failed.
/// </summary>
internal sealed class RedisCacheGenerations(IConnectionMultiplexer redis, IOptions<QueryCacheOptions> options) : ICacheGenerations
{
    public async Task<long[]> GetAsync(IReadOnlyList<string> tags)
    {
        ThrowIfDisconnected();
        var prefix = options.Value.RedisPrefix;
        var database = redis.GetDatabase();
        if (tags.Count == 1)
        {
            var value = await database.StringGetAsync(QueryCacheKeys.Generation(prefix, tags[0]));
            return [value.IsNull ? 0 : (long)value];
        }

        var values = await database.StringGetAsync(tags.Select(tag => (RedisKey)QueryCacheKeys.Generation(prefix, tag)).ToArray());
        return values.Select(value => value.IsNull ? 0 : (long)value).ToArray();
    }

    public async Task IncrementAsync(IReadOnlyCollection<string> tags)
    {
        ThrowIfDisconnected();
        var prefix = options.Value.RedisPrefix;
        var lifetime = options.Value.Expiration * 2;
        var batch = redis.GetDatabase().CreateBatch();
        var pending = new List<Task>(tags.Count);
        foreach (var tag in tags)
        {
            pending.Add(batch.StringSetAsync(QueryCacheKeys.Generation(prefix, tag), Random.Shared.NextInt64(1, long.MaxValue), lifetime));
        }

        batch.Execute();
        await Task.WhenAll(pending);
    }

    private void ThrowIfDisconnected()
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected.");
        }
    }
}
