using System.Globalization;

namespace ChatApp.BuildingBlocks.Caching;

/// <summary>
/// How entries and tags are named. An entry's key carries the generation its tag had when it was read, so bumping the
/// tag's generation makes every node miss the old entries at once (they are never deleted; they expire).
/// </summary>
public static class QueryCacheKeys
{
    /// <summary>The key an entry is stored under for one generation of its tag.</summary>
    public static string Entry(string key, long generation) =>
        string.Create(CultureInfo.InvariantCulture, $"{key}@{generation}");

    /// <summary>The Redis key that holds a tag's generation.</summary>
    public static string Generation(string redisPrefix, string tag) => redisPrefix + "gen:" + tag;

    /// <summary>A tag for one thing of one kind, e.g. <c>Tag("user", id)</c> is <c>user:{id:N}</c>.</summary>
    public static string Tag(string kind, Guid id) => kind + ":" + id.ToString("N");
}
