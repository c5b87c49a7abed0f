using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.BuildingBlocks.Caching;

/// <summary>
/// Generations in Redis: one GET (MGET for several tags) per read, one INCR per changed tag. A generation key lives
/// twice as long as an entry after its last increment; once it has expired every entry stored under any of its
/// generations has expired too, so starting again from 0 cannot bring an old entry back.
/// </summary>
internal sealed class RedisCacheGenerations(IConnectionMultiplexer redis, IOptions<QueryCacheOptions> options) : ICacheGenerations
{
    public async Task<long[]> GetAsync(IReadOnlyList<string> tags)
    {
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
        var prefix = options.Value.RedisPrefix;
        var lifetime = options.Value.Expiration * 2;
        var batch = redis.GetDatabase().CreateBatch();
        var pending = new List<Task>(tags.Count * 2);
        foreach (var tag in tags)
        {
            var key = QueryCacheKeys.Generation(prefix, tag);
            pending.Add(batch.StringIncrementAsync(key));
            pending.Add(batch.KeyExpireAsync(key, lifetime));
        }

        batch.Execute();
        await Task.WhenAll(pending);
    }
}
