using ChatApp.BuildingBlocks.RateLimiting;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ChatApp.IntegrationTests.BuildingBlocks;

/// <summary>The Lua counters against the real Redis, and what happens when Redis cannot be reached.</summary>
public sealed class RedisRateLimitCounterStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly string _prefix = $"chatapp-test:{Guid.NewGuid():N}:rl:";
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);

    public async Task DisposeAsync()
    {
        var server = _redis.GetServer(_redis.GetEndPoints()[0]);
        await foreach (var key in server.KeysAsync(pattern: _prefix + "*"))
        {
            await _redis.GetDatabase().KeyDeleteAsync(key);
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_request_counts_against_all_its_counters_or_none_and_the_refusal_says_when_the_fullest_has_room()
    {
        var store = Store(_redis);
        RateLimitCounter address = new(_prefix + "address", 2, Hour);
        RateLimitCounter account = new(_prefix + "account", 5, TimeSpan.FromMinutes(1));

        var first = await store.TryAcquireAsync([address, account], 1);
        var second = await store.TryAcquireAsync([address, account], 1);
        var refused = await store.TryAcquireAsync([address, account], 1);

        Assert.True(first.Acquired);
        Assert.True(second.Acquired);
        Assert.False(refused.Acquired);
        Assert.InRange(refused.RetryAfter, Hour - TimeSpan.FromMinutes(1), Hour);
        Assert.Equal(2, (int)await _redis.GetDatabase().StringGetAsync(account.Key));
        Assert.InRange((await _redis.GetDatabase().KeyTimeToLiveAsync(account.Key))!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Concurrent_requests_from_two_instances_never_take_more_than_the_limit()
    {
        await using var otherInstance = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        var stores = new[] { Store(_redis), Store(otherInstance) };
        RateLimitCounter counter = new(_prefix + "contended", 25, Hour);

        var decisions = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => stores[i % 2].TryAcquireAsync([counter], 1).AsTask()));

        Assert.Equal(25, decisions.Count(d => d.Acquired));
    }

    [Fact]
    public async Task Without_Redis_the_limits_still_apply_in_this_instance_and_nothing_waits_for_a_timeout()
    {
        var options = ConfigurationOptions.Parse("127.0.0.1:1");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 500;
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync(options);
        var store = Store(unreachable);
        RateLimitCounter counter = new(_prefix + "offline", 2, Hour);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var decisions = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add((await store.TryAcquireAsync([counter], 1)).Acquired);
        }

        Assert.Equal([true, true, false], decisions);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(4), $"took {started.Elapsed}");
    }

    private static RedisRateLimitCounterStore Store(IConnectionMultiplexer redis) =>
        new(redis, new MemoryRateLimitCounterStore(TimeProvider.System), TimeProvider.System, NullLogger<RedisRateLimitCounterStore>.Instance);
}
