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
    private static readonly Guid Lobby = Guid.NewGuid(), Pair = Guid.NewGuid();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingFrameWriter _connections = new();

    [Fact]
    public async Task Each_room_of_a_batch_goes_out_as_one_MessagesCreated_frame_to_its_members_in_commit_order()
    {
        var broadcaster = Broadcaster(NullLoggerFactory.Instance);
        await broadcaster.PostAsync([.. StoredBatch(Lobby, [Ann, Bob], 1, 2), .. StoredBatch(Pair, [Bob, Cid], 7), .. StoredBatch(Lobby, [Ann, Bob], 3)],
            new SendBatchTimings(4, TimeSpan.Zero));
        await broadcaster.PostAsync(StoredBatch(Lobby, [Ann, Bob], 4), new SendBatchTimings(1, TimeSpan.Zero));
        broadcaster.Complete();

        await broadcaster.RunAsync().WaitAsync(Timeout);

        Assert.Equal(
            [("Lobby", "1,2,3", 2), ("Pair", "7", 2), ("Lobby", "4", 2)],
            _connections.Written.Select(f =>
            {
                var messages = (MessageResponse[])f.Args[0]!;
                return (messages[0].RoomId == Lobby ? "Lobby" : "Pair", string.Join(',', messages.Select(m => m.Seq)), f.Users.Count);
            }));
        Assert.All(_connections.Written, f => Assert.Equal("MessagesCreated", f.Method));
        Assert.Equal(0, broadcaster.Pending);
    }

    [Fact]
    public async Task A_failed_broadcast_is_logged_and_the_next_batch_still_goes_out()
    {
        var failed = false;
        _connections.OnWrite = _ =>
        {
            if (!failed)
            {
                failed = true;
                throw new IOException("connection gone");
            }
        };
        using var provider = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(provider));
        var broadcaster = Broadcaster(loggers);
        var timings = new SendBatchTimings(1, TimeSpan.Zero);
        await broadcaster.PostAsync(StoredBatch(Lobby, [Ann, Bob], 1, 2), new SendBatchTimings(2, TimeSpan.Zero));
        await broadcaster.PostAsync(StoredBatch(Lobby, [Ann, Bob], 3), timings);
        broadcaster.Complete();

        await broadcaster.RunAsync().WaitAsync(Timeout);

        Assert.Equal([[3L]], _connections.Written.Select(f => ((MessageResponse[])f.Args[0]!).Select(m => m.Seq)));
        Assert.Contains(provider.Lines, l => l.Level == LogLevel.Warning && l.Message == "Could not broadcast 2 new message(s); clients will catch up from history");
        Assert.True(timings.Broadcast > TimeSpan.Zero);
    }

    private MessageBroadcaster Broadcaster(ILoggerFactory loggers) =>
        new(TestRealtime.Bus(_services, _connections), new SendPathMetrics(_services.GetRequiredService<IMeterFactory>(), loggers), loggers.CreateLogger<MessageBroadcaster>());

    public void Dispose() => _services.Dispose();
}
