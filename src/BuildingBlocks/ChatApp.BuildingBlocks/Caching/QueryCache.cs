using System.Diagnostics;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatApp.BuildingBlocks.Caching;

/// <summary>
/// The query cache for hot reads that every node answers the same: <see cref="HybridCache"/> (this node's memory,
/// then Redis) keyed by the entry's key and its tag's current generation (<see cref="QueryCacheKeys"/>).
/// <see cref="InvalidateAsync"/> increments the tags' generations in Redis, so the very next read on any node asks for
/// a key nobody has stored and reads the database: no node can answer from an entry older than a committed change.
/// Each read costs one Redis round trip (the generations); see docs/adr/0019-query-cache.md for why, and for what is
/// deliberately not cached. When Redis fails the read goes to the database.
/// </summary>
public sealed class QueryCache
{
    private static readonly HybridCacheEntryOptions ProbeOptions = new() { Flags = HybridCacheEntryFlags.DisableUnderlyingData };

    private readonly HybridCache _cache;
    private readonly ICacheGenerations _generations;
    private readonly QueryCacheMetrics _metrics;
    private readonly ILogger<QueryCache> _logger;
    private readonly bool _enabled;
    private readonly HybridCacheEntryOptions _entryOptions;

    internal QueryCache(HybridCache cache, ICacheGenerations generations, QueryCacheMetrics metrics, IOptions<QueryCacheOptions> options, ILogger<QueryCache> logger)
    {
        _cache = cache;
        _generations = generations;
        _metrics = metrics;
        _logger = logger;
        _enabled = options.Value.Enabled;
        _entryOptions = new HybridCacheEntryOptions { Expiration = options.Value.Expiration, LocalCacheExpiration = options.Value.LocalExpiration };
    }

    /// <summary>One entry under <paramref name="tag"/>, loaded with <paramref name="load"/> when no node has it for the tag's generation.</summary>
    public async ValueTask<T> GetOrLoadAsync<T>(string cacheName, string tag, string key, Func<CancellationToken, ValueTask<T>> load, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        if (await GenerationsAsync(cacheName, [tag]) is not { } generations)
        {
            return await load(cancellationToken);
        }

        var loadTime = TimeSpan.Zero;
        var loaded = false;
        var value = await _cache.GetOrCreateAsync(QueryCacheKeys.Entry(key, generations[0]), async ct =>
        {
            var loadStarted = Stopwatch.GetTimestamp();
            loaded = true;
            var result = await load(ct);
            loadTime = Stopwatch.GetElapsedTime(loadStarted);
            return result;
        }, _entryOptions, tags: null, cancellationToken);
        _metrics.Read(cacheName, loaded ? 0 : 1, loaded ? 1 : 0, Stopwatch.GetElapsedTime(started).TotalMicroseconds, loadTime.TotalMicroseconds);
        return value;
    }

    /// <summary>
    /// Several entries, each under its own tag: the cached ones from the cache, the rest with one call of
    /// <paramref name="load"/>, which returns those it found (ids it does not return are absent, and not cached).
    /// </summary>
    public async ValueTask<IReadOnlyDictionary<TId, T>> GetOrLoadManyAsync<TId, T>(
        string cacheName,
        IReadOnlyCollection<TId> ids,
        Func<TId, string> tagOf,
        Func<TId, string> keyOf,
        Func<IReadOnlyList<TId>, CancellationToken, Task<IReadOnlyDictionary<TId, T>>> load,
        CancellationToken cancellationToken)
        where TId : notnull
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        var distinct = ids.Distinct().ToList();
        if (distinct.Count == 0 || await GenerationsAsync(cacheName, distinct.Select(tagOf).ToList()) is not { } generations)
        {
            return distinct.Count == 0 ? new Dictionary<TId, T>() : await load(distinct, cancellationToken);
        }

        var keys = distinct.Select((id, i) => QueryCacheKeys.Entry(keyOf(id), generations[i])).ToList();
        // Started together: the Redis look-ups of first-level misses travel pipelined on the one connection.
        var probes = keys.Select(key => _cache.GetOrCreateAsync<T?>(key, static _ => ValueTask.FromResult<T?>(null), ProbeOptions, tags: null, cancellationToken)).ToList();
        var found = new Dictionary<TId, T>(distinct.Count);
        var missing = new List<int>();
        for (var i = 0; i < probes.Count; i++)
        {
            if (await probes[i] is { } cached)
            {
                found[distinct[i]] = cached;
            }
            else
            {
                missing.Add(i);
            }
        }

        var loadTime = TimeSpan.Zero;
        if (missing.Count > 0)
        {
            var loadStarted = Stopwatch.GetTimestamp();
            var loaded = await load(missing.Select(i => distinct[i]).ToList(), cancellationToken);
            loadTime = Stopwatch.GetElapsedTime(loadStarted);
            var stores = new List<Task>(loaded.Count);
            foreach (var i in missing)
            {
                if (loaded.TryGetValue(distinct[i], out var value))
                {
                    found[distinct[i]] = value;
                    stores.Add(_cache.SetAsync(keys[i], value, _entryOptions, tags: null, cancellationToken).AsTask());
                }
            }

            await Task.WhenAll(stores);
        }

        _metrics.Read(cacheName, distinct.Count - missing.Count, missing.Count, Stopwatch.GetElapsedTime(started).TotalMicroseconds, loadTime.TotalMicroseconds);
        return found;
    }

    /// <summary>
    /// Makes every node stop answering from entries under these tags. Call it once the change is committed (from
    /// <see cref="UnitOfWork.AfterCommit"/>), so that a read racing the change cannot store the old value under the new generation.
    /// </summary>
    public async Task InvalidateAsync(IReadOnlyCollection<string> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        await _generations.IncrementAsync(tags);
        _metrics.Invalidated(tags.Count);
    }

    /// <summary>
    /// Removes the entry of <paramref name="key"/> under the current generation of <paramref name="tag"/> (and the
    /// initial one) from this node's memory and Redis, then invalidates the tag: for data that must not stay cached (a
    /// deleted account's profile). Entries of earlier generations (generations are random) still expire on their own.
    /// Call it after the commit.
    /// </summary>
    public async Task ForgetAsync(string tag, string key)
    {
        if (_enabled && await GenerationsAsync("forget", [tag]) is { } generations)
        {
            await _cache.RemoveAsync([QueryCacheKeys.Entry(key, 0), QueryCacheKeys.Entry(key, generations[0])]);
        }

        await InvalidateAsync([tag]);
    }

    private async ValueTask<long[]?> GenerationsAsync(string cacheName, IReadOnlyList<string> tags)
    {
        if (!_enabled)
        {
            return null;
        }

        try
        {
            return await _generations.GetAsync(tags);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _metrics.Bypassed(cacheName);
            _logger.LogDebug(ex, "Query cache bypassed for {CacheName}: Redis failed", cacheName);
            return null;
        }
    }
}
