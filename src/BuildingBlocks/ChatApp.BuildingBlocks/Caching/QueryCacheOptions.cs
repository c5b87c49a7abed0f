namespace ChatApp.BuildingBlocks.Caching;

/// <summary>The <c>QueryCache</c> section: how long entries live, and where they live in Redis.</summary>
public sealed class QueryCacheOptions
{
    public const string Section = "QueryCache";

    /// <summary>Off: every read goes to the database (the entries' invalidation still runs, and costs nothing).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an entry lives in Redis (the second level); bounds staleness when an invalidation was lost.</summary>
    public TimeSpan Expiration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an entry lives in a node's memory (the first level).</summary>
    public TimeSpan LocalExpiration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Prefix of every key the cache writes to Redis: entries and tag generations.</summary>
    public string RedisPrefix { get; set; } = "chatapp:cache:";
}
