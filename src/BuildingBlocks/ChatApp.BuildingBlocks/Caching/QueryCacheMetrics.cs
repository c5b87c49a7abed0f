using System.Diagnostics.Metrics;

namespace ChatApp.BuildingBlocks.Caching;

/// <summary>
/// The query cache on the meter <c>ChatApp.Cache</c>, per cache name (<c>cache.name</c>): hits (answered from memory or
/// Redis), misses (the database was read), bypasses (Redis failed, the database was read), the time a miss spent
/// loading and the time a whole read took. See docs/performance.md.
/// </summary>
internal sealed class QueryCacheMetrics
{
    public const string MeterName = "ChatApp.Cache";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private readonly Counter<long> _bypasses;
    private readonly Counter<long> _invalidations;
    private readonly Histogram<double> _load;
    private readonly Histogram<double> _read;

    public QueryCacheMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _hits = meter.CreateCounter<long>("chatapp.cache.hits", "{entry}", "Entries answered from the cache (this node's memory or Redis).");
        _misses = meter.CreateCounter<long>("chatapp.cache.misses", "{entry}", "Entries that had to be loaded from the database.");
        _bypasses = meter.CreateCounter<long>("chatapp.cache.bypasses", "{read}", "Reads that skipped the cache because Redis failed.");
        _invalidations = meter.CreateCounter<long>("chatapp.cache.invalidations", "{tag}", "Tags whose generation was incremented.");
        _load = meter.CreateHistogram<double>("chatapp.cache.load", "us", "Per read with misses: loading them from the database.");
        _read = meter.CreateHistogram<double>("chatapp.cache.read", "us", "Per read: the whole lookup, loading included.");
    }

    public void Read(string cacheName, int hits, int misses, double readMicroseconds, double loadMicroseconds)
    {
        var tag = new KeyValuePair<string, object?>("cache.name", cacheName);
        if (hits > 0)
        {
            _hits.Add(hits, tag);
        }

        if (misses > 0)
        {
            _misses.Add(misses, tag);
            _load.Record(loadMicroseconds, tag);
        }

        _read.Record(readMicroseconds, tag);
    }

    public void Bypassed(string cacheName) => _bypasses.Add(1, new KeyValuePair<string, object?>("cache.name", cacheName));

    public void Invalidated(int tags) => _invalidations.Add(tags);
}
