using System.Diagnostics.Metrics;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static ChatApp.UnitTests.Chat.SendMessage.SendTestData;

namespace ChatApp.UnitTests.Chat.SendMessage;

public sealed class MessageBroadcasterTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly Guid Lobby = Guid.NewGuid();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingHubContext _hub = new();

    [Fact]
    public async Task Batches_go_out_as_MessagesCreated_frames_in_commit_order_the_next_only_after_the_previous_is_out()
    {
        var events = new List<string>();
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstOut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hub.OnSend = (index, args) =>
        {
            lock (events)
            {
                events.Add("send " + string.Join(',', ((MessageResponse[])args[0]!).Select(m => m.Seq)));
            }

            if (index > 0)
            {
                return Task.CompletedTask;
            }

            firstStarted.SetResult();
            return firstOut.Task;
        };
        var broadcaster = Broadcaster(NullLoggerFactory.Instance);
        broadcaster.Post(StoredBatch(Lobby, [Ann, Bob], 1, 2), new SendBatchTimings(2, TimeSpan.Zero));
        broadcaster.Post(StoredBatch(Lobby, [Ann, Bob], 3), new SendBatchTimings(1, TimeSpan.Zero));
        broadcaster.Complete();

        var running = Task.Run(broadcaster.RunAsync);
        await firstStarted.Task.WaitAsync(Timeout);
        lock (events)
        {
            events.Add("first out");
        }

        firstOut.SetResult();
        await running.WaitAsync(Timeout);

        Assert.Equal(["send 1,2", "first out", "send 3"], events);
        Assert.All(_hub.Sent, frame =>
        {
            Assert.Equal("MessagesCreated", frame.Method);
            Assert.Equal([Ann.ToString(), Bob.ToString()], frame.Users);
        });
    }

    [Fact]
    public async Task A_failed_broadcast_is_logged_and_the_next_batch_still_goes_out()
    {
        _hub.OnSend = (index, _) => index == 0 ? Task.FromException(new IOException("backplane down")) : Task.CompletedTask;
        using var provider = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(provider));
        var broadcaster = Broadcaster(loggers);
        var timings = new SendBatchTimings(1, TimeSpan.Zero);
        broadcaster.Post(StoredBatch(Lobby, [Ann, Bob], 1, 2), new SendBatchTimings(2, TimeSpan.Zero));
        broadcaster.Post(StoredBatch(Lobby, [Ann, Bob], 3), timings);
        broadcaster.Complete();

        await broadcaster.RunAsync().WaitAsync(Timeout);

        Assert.Equal([[1L, 2L], [3L]], _hub.Sent.Select(f => ((MessageResponse[])f.Args[0]!).Select(m => m.Seq)));
        Assert.Contains(provider.Lines, l => l.Level == LogLevel.Warning && l.Message == "Could not broadcast 2 new message(s); clients will catch up from history");
        Assert.True(timings.Broadcast > TimeSpan.Zero);
    }

    private MessageBroadcaster Broadcaster(ILoggerFactory loggers) =>
        new(_hub, new SendPathMetrics(_services.GetRequiredService<IMeterFactory>(), loggers), loggers.CreateLogger<MessageBroadcaster>());

    public void Dispose() => _services.Dispose();
}
