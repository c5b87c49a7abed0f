using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.BuildingBlocks.Results;
using ChatApp.UnitTests.Chat.SendMessage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatApp.UnitTests;

public sealed class RefusalSummaryTests
{
    private static readonly Error Overloaded = Error.TooManyRequests("chat.overloaded", "The server is busy.") with { ServerCondition = true };
    private static readonly Error LockedOut = Error.TooManyRequests("accounts.locked_out", "Too many failed sign-ins.");

    [Fact]
    public void Thousands_of_refusals_become_one_line_per_request_and_code_every_ten_seconds()
    {
        var time = new FakeTimeProvider();
        using var provider = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(provider));
        using var summary = new RefusalSummary(loggers.CreateLogger<RefusalSummary>(), time);

        for (var i = 0; i < 5000; i++)
        {
            summary.Count("SendMessageCommand", Overloaded);
        }

        summary.Count("LoginCommand", LockedOut);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(provider.Lines);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(
            ["1 LoginCommand refused with accounts.locked_out in the last 10 s", "5000 SendMessageCommand refused with chat.overloaded in the last 10 s"],
            provider.Lines.Select(l => l.Message).Order());
        Assert.Equal(LogLevel.Warning, provider.Lines.Single(l => l.Message.Contains("overloaded", StringComparison.Ordinal)).Level);
        Assert.Equal(LogLevel.Information, provider.Lines.Single(l => l.Message.Contains("locked_out", StringComparison.Ordinal)).Level);

        time.Advance(TimeSpan.FromSeconds(10)); // nothing new: nothing logged
        Assert.Equal(2, provider.Lines.Count);
        summary.Count("SendMessageCommand", Overloaded);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("1 SendMessageCommand refused with chat.overloaded in the last 10 s", provider.Lines[^1].Message);
    }

    [Fact]
    public void A_client_over_its_own_limit_is_information_and_the_server_over_its_limit_a_warning()
    {
        Assert.Equal(LogLevel.Information, RefusalSummary.LevelOf(Error.TooManyRequests("chat.rate_limited", "Too fast.")));
        Assert.Equal(LogLevel.Information, RefusalSummary.LevelOf(LockedOut));
        Assert.Equal(LogLevel.Warning, RefusalSummary.LevelOf(Overloaded));
        Assert.Equal(LogLevel.Warning, RefusalSummary.LevelOf(Error.Unavailable("chat.server_restarting", "Restarting.")));
    }
}
