using ChatApp.BuildingBlocks.Behaviors;
using ChatApp.UnitTests.Chat.SendMessage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatApp.UnitTests;

public sealed class RefusalSummaryTests
{
    [Fact]
    public void Thousands_of_refusals_become_one_line_per_request_and_code_every_ten_seconds()
    {
        var time = new FakeTimeProvider();
        using var provider = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(provider));
        using var summary = new RefusalSummary(loggers.CreateLogger<RefusalSummary>(), time);

        for (var i = 0; i < 5000; i++)
        {
            summary.Count("SendMessageCommand", "chat.overloaded");
        }

        summary.Count("LoginCommand", "accounts.locked_out");
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(provider.Lines);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(
            ["1 LoginCommand refused with accounts.locked_out in the last 10 s", "5000 SendMessageCommand refused with chat.overloaded in the last 10 s"],
            provider.Lines.Select(l => l.Message).Order());
        Assert.All(provider.Lines, l => Assert.Equal(LogLevel.Warning, l.Level));

        time.Advance(TimeSpan.FromSeconds(10)); // nothing new: nothing logged
        Assert.Equal(2, provider.Lines.Count);
        summary.Count("SendMessageCommand", "chat.overloaded");
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("1 SendMessageCommand refused with chat.overloaded in the last 10 s", provider.Lines[^1].Message);
    }
}
