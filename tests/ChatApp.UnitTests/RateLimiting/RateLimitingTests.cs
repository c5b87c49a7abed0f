using System.Net;
using System.Threading.RateLimiting;
using ChatApp.BuildingBlocks.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ChatApp.UnitTests.RateLimiting;

public sealed class RateLimitingTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_counter_admits_its_limit_per_window_then_tells_when_the_window_ends()
    {
        var store = new MemoryRateLimitCounterStore(_time);
        RateLimitCounter[] counter = [new("a", 3, Minute)];

        var admitted = Enumerable.Range(0, 3).Select(_ => store.TryAcquire(counter, 1).Acquired).ToList();
        _time.Advance(TimeSpan.FromSeconds(20));
        var refused = store.TryAcquire(counter, 1);

        Assert.Equal([true, true, true], admitted);
        Assert.False(refused.Acquired);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.RetryAfter);
    }

    [Fact]
    public void The_window_starts_with_the_first_permit_and_a_new_one_starts_when_it_ends()
    {
        var store = new MemoryRateLimitCounterStore(_time);
        RateLimitCounter[] counter = [new("a", 1, Minute)];

        Assert.True(store.TryAcquire(counter, 1).Acquired);
        _time.Advance(Minute - TimeSpan.FromTicks(1));
        Assert.False(store.TryAcquire(counter, 1).Acquired);
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(store.TryAcquire(counter, 1).Acquired);
        Assert.False(store.TryAcquire(counter, 1).Acquired);
    }

    [Fact]
    public void A_request_counts_against_all_its_counters_or_none_and_waits_for_the_fullest()
    {
        var store = new MemoryRateLimitCounterStore(_time);
        RateLimitCounter address = new("address", 2, TimeSpan.FromMinutes(10));
        RateLimitCounter account = new("account", 5, Minute);

        Assert.True(store.TryAcquire([address, account], 1).Acquired);
        Assert.True(store.TryAcquire([address, account], 1).Acquired);
        var refused = store.TryAcquire([address, account], 1);
        // The refusal did not count on the account: three more fit there from another address.
        var fromElsewhere = Enumerable.Range(0, 4).Select(_ => store.TryAcquire([new("elsewhere", 100, Minute), account], 1).Acquired).ToList();

        Assert.False(refused.Acquired);
        Assert.Equal(TimeSpan.FromMinutes(10), refused.RetryAfter);
        Assert.Equal([true, true, true, false], fromElsewhere);
    }

    [Fact]
    public void A_zero_limit_refuses_everything_for_one_window()
    {
        var store = new MemoryRateLimitCounterStore(_time);

        var refused = store.TryAcquire([new("closed", 0, Minute)], 1);

        Assert.False(refused.Acquired);
        Assert.Equal(Minute, refused.RetryAfter);
    }

    [Fact]
    public void Expired_counters_are_swept_so_the_table_does_not_grow_with_every_caller()
    {
        var store = new MemoryRateLimitCounterStore(_time);
        for (var i = 0; i < 5000; i++)
        {
            store.TryAcquire([new($"caller-{i}", 1, Minute)], 1);
        }

        _time.Advance(Minute);
        for (var i = 0; i < 2000; i++)
        {
            store.TryAcquire([new("steady", 10_000, Minute)], 1);
        }

        Assert.InRange(store.Count, 1, 1024);
    }

    [Fact]
    public async Task The_partition_limiter_defers_the_synchronous_attempt_and_refuses_with_a_retry_after()
    {
        var store = new MemoryRateLimitCounterStore(_time);
        using var limiter = new CounterRateLimiter(store, [new("a", 1, Minute)], _time);

        using var attempt = limiter.AttemptAcquire();
        using var first = await limiter.AcquireAsync();
        using var second = await limiter.AcquireAsync();

        Assert.False(attempt.IsAcquired);
        Assert.False(attempt.TryGetMetadata(MetadataName.RetryAfter, out _));
        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(Minute, retryAfter);
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(TimeSpan.FromSeconds(11), limiter.IdleDuration);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    public void Addresses_are_counted_as_given_for_IPv4_and_per_64_block_for_IPv6(string address, string key) =>
        Assert.Equal(key, RateLimitPartitions.AddressKey(IPAddress.Parse(address)));

    [Fact]
    public void Spellings_of_one_email_share_an_account_key_and_secrets_are_kept_as_given()
    {
        var email = RateLimitAccount.Email("email");
        var secret = RateLimitAccount.Secret("refreshToken");

        Assert.Equal(email.KeyOf("ann@example.com"), email.KeyOf("  ANN@Example.com "));
        Assert.NotEqual(email.KeyOf("ann@example.com"), email.KeyOf("bob@example.com"));
        Assert.NotEqual(secret.KeyOf("abc"), secret.KeyOf("ABC"));
        Assert.DoesNotContain("ann", email.KeyOf("ann@example.com"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Configuration_changes_only_the_values_it_sets_and_can_add_a_limit()
    {
        var options = new RateLimitsOptions();
        var defaults = new RateLimitsOptions();
        options.Bind(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["login:PerAddress:PermitLimit"] = "7",
            ["upload:PerAddress:PermitLimit"] = "9",
            ["upload:PerAddress:Window"] = "00:00:30",
            ["RedisPrefix"] = "other:",
        }).Build());

        Assert.Equal(7, options.Policies[RateLimitPolicies.Login].PerAddress!.PermitLimit);
        Assert.Equal(defaults.Policies[RateLimitPolicies.Login].PerAddress!.Window, options.Policies[RateLimitPolicies.Login].PerAddress!.Window);
        Assert.Equal(defaults.Policies[RateLimitPolicies.Login].PerAccount!.PermitLimit, options.Policies[RateLimitPolicies.Login].PerAccount!.PermitLimit);
        Assert.Equal(9, options.Policies[RateLimitPolicies.Upload].PerAddress!.PermitLimit);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Policies[RateLimitPolicies.Upload].PerAddress!.Window);
        Assert.Equal("other:", options.RedisPrefix);
        Assert.True(options.Enabled);
        Assert.Equal(RateLimitPolicies.All.Order(StringComparer.Ordinal), options.Policies.Keys.Order(StringComparer.Ordinal));
    }
}
