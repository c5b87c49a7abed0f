using ChatApp.Modules.Accounts.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatApp.UnitTests;

/// <summary>The in-memory count of failures for unknown e-mails follows Identity's lockout rules.</summary>
public sealed class UnknownAccountThrottleTests
{
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_fifth_failure_starts_the_lockout_and_the_count_starts_again_after_it()
    {
        using var throttle = Throttle();

        var firstRound = new List<TimeSpan?>();
        for (var i = 0; i < 5; i++)
        {
            firstRound.Add(await throttle.RecordFailureAsync("ANN@EXAMPLE.COM"));
        }

        _time.Advance(TimeSpan.FromMinutes(5));
        var remaining = await throttle.LockedOutForAsync("ANN@EXAMPLE.COM");
        _time.Advance(TimeSpan.FromMinutes(10));
        var afterLockout = await throttle.LockedOutForAsync("ANN@EXAMPLE.COM");
        var nextFailure = await throttle.RecordFailureAsync("ANN@EXAMPLE.COM");

        Assert.Equal([null, null, null, null, Lockout], firstRound);
        Assert.Equal(TimeSpan.FromMinutes(10), remaining);
        Assert.Null(afterLockout);
        Assert.Null(nextFailure);
        Assert.Null(await throttle.LockedOutForAsync("BOB@EXAMPLE.COM"));
    }

    private MemoryUnknownAccountThrottle Throttle()
    {
        var identity = new IdentityOptions();
        identity.Lockout.MaxFailedAccessAttempts = 5;
        identity.Lockout.DefaultLockoutTimeSpan = Lockout;
        return new MemoryUnknownAccountThrottle(Options.Create(identity), Options.Create(new UnknownAccountLockoutOptions()), _time);
    }
}
