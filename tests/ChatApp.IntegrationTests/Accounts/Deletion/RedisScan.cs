using StackExchange.Redis;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>Reads every string and hash value of the test Redis (all keys, every database in use) and reports which needles occur.</summary>
public static class RedisScan
{
    public static async Task<List<string>> FindAsync(string configuration, IReadOnlyCollection<string> needles)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true");
        var found = new List<string>();
        foreach (var server in redis.GetServers())
        {
            var db = redis.GetDatabase();
            await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 500))
            {
                var values = await db.KeyTypeAsync(key) switch
                {
                    RedisType.String => [(string?)await db.StringGetAsync(key) ?? ""],
                    RedisType.Hash => (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}").ToArray(),
                    _ => Array.Empty<string>(),
                };
                found.AddRange(from value in values.Prepend((string)key!)
                               from needle in needles
                               where value.Contains(needle, StringComparison.OrdinalIgnoreCase)
                               select $"redis {key}: {needle}");
            }
        }

        return found;
    }
}
