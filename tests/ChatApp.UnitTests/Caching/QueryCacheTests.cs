using System.Diagnostics.Metrics;
using ChatApp.BuildingBlocks.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.UnitTests.Caching;

/// <summary>The query cache as the embedded default runs it (memory only), with its generations, loads and counters.</summary>
public sealed class QueryCacheTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly QueryCache _cache;
    private readonly List<Guid> _loaded = [];

    public QueryCacheTests()
    {
        _services = Build(new Dictionary<string, string?>());
        _cache = _services.GetRequiredService<QueryCache>();
    }

    [Fact]
    public void Keys_carry_the_tag_generation_and_tags_name_a_kind_and_an_id()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        Assert.Equal("user:0f8fad5bd9cb469fa16570867728950e", QueryCacheKeys.Tag("user", id));
        Assert.Equal("accounts:profile:x@0", QueryCacheKeys.Entry("accounts:profile:x", 0));
        Assert.Equal("accounts:profile:x@12", QueryCacheKeys.Entry("accounts:profile:x", 12));
        Assert.Equal("chatapp:cache:gen:user:0f8fad5bd9cb469fa16570867728950e", QueryCacheKeys.Generation("chatapp:cache:", QueryCacheKeys.Tag("user", id)));
    }

    [Fact]
    public async Task Entries_are_loaded_once_and_only_the_invalidated_one_is_loaded_again()
    {
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        var first = await GetAsync(ids);
        var second = await GetAsync(ids);
        await _cache.InvalidateAsync([Tag(ids[1])]);
        var third = await GetAsync(ids);

        Assert.Equal([ids[0], ids[1], ids[2], ids[1]], _loaded);
        Assert.Equal(ids.Select(Name), first.Values.Select(v => v.Name));
        Assert.Same(first[ids[0]], second[ids[0]]);
        Assert.Same(first[ids[0]], third[ids[0]]);
        Assert.NotSame(first[ids[1]], third[ids[1]]);
    }

    [Fact]
    public async Task Ids_the_loader_does_not_find_are_absent_and_asked_for_again()
    {
        var missing = Guid.NewGuid();

        Assert.Empty(await _cache.GetOrLoadManyAsync("test", [missing], Tag, Key, LoadNoneAsync, CancellationToken.None));
        Assert.Empty(await _cache.GetOrLoadManyAsync("test", [missing], Tag, Key, LoadNoneAsync, CancellationToken.None));

        Assert.Equal([missing, missing], _loaded);
    }

    [Fact]
    public async Task A_single_entry_is_loaded_again_after_its_tag_is_invalidated()
    {
        var id = Guid.NewGuid();
        var loads = 0;
        ValueTask<Named> Load(CancellationToken _) => ValueTask.FromResult(new Named($"v{++loads}"));

        Assert.Equal("v1", (await _cache.GetOrLoadAsync("test", Tag(id), Key(id), Load, CancellationToken.None)).Name);
        Assert.Equal("v1", (await _cache.GetOrLoadAsync("test", Tag(id), Key(id), Load, CancellationToken.None)).Name);
        await _cache.InvalidateAsync([Tag(id)]);
        Assert.Equal("v2", (await _cache.GetOrLoadAsync("test", Tag(id), Key(id), Load, CancellationToken.None)).Name);
    }

    [Fact]
    public async Task Disabled_it_always_loads()
    {
        using var services = Build(new Dictionary<string, string?> { ["QueryCache:Enabled"] = "false" });
        var cache = services.GetRequiredService<QueryCache>();
        var id = Guid.NewGuid();

        await cache.GetOrLoadManyAsync("test", [id], Tag, Key, LoadAsync, CancellationToken.None);
        await cache.GetOrLoadManyAsync("test", [id], Tag, Key, LoadAsync, CancellationToken.None);

        Assert.Equal([id, id], _loaded);
    }

    [Fact]
    public async Task Hits_and_misses_are_counted_per_cache_name_on_the_ChatApp_Cache_meter()
    {
        var counted = new Dictionary<(string Instrument, string? Cache), long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ChatApp.Cache")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var cache = tags.ToArray().FirstOrDefault(t => t.Key == "cache.name").Value as string;
            lock (counted)
            {
                counted[(instrument.Name, cache)] = counted.GetValueOrDefault((instrument.Name, cache)) + value;
            }
        });
        listener.Start();
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid()];

        await GetAsync(ids);
        await GetAsync(ids);
        await GetAsync([ids[0]]);

        Assert.Equal(2, counted[("chatapp.cache.misses", "test")]);
        Assert.Equal(3, counted[("chatapp.cache.hits", "test")]);
    }

    public void Dispose() => _services.Dispose();

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddQueryCache(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static string Tag(Guid id) => QueryCacheKeys.Tag("test", id);

    private static string Key(Guid id) => "test:" + id.ToString("N");

    private static string Name(Guid id) => "name of " + id;

    private async Task<IReadOnlyDictionary<Guid, Named>> GetAsync(IReadOnlyCollection<Guid> ids) =>
        await _cache.GetOrLoadManyAsync("test", ids, Tag, Key, LoadAsync, CancellationToken.None);

    private Task<IReadOnlyDictionary<Guid, Named>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        _loaded.AddRange(ids);
        return Task.FromResult<IReadOnlyDictionary<Guid, Named>>(ids.ToDictionary(id => id, id => new Named(Name(id))));
    }

    private Task<IReadOnlyDictionary<Guid, Named>> LoadNoneAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        _loaded.AddRange(ids);
        return Task.FromResult<IReadOnlyDictionary<Guid, Named>>(new Dictionary<Guid, Named>());
    }
}
