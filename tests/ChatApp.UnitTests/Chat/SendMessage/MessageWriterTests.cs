using ChatApp.BuildingBlocks.Results;
using System.Diagnostics.Metrics;
using ChatApp.Modules.Chat;
using ChatApp.Modules.Chat.Domain;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChatApp.UnitTests.Chat.SendMessage.SendTestData;

namespace ChatApp.UnitTests.Chat.SendMessage;

/// <summary>The batching lane, with a store that answers as each test says instead of a database.</summary>
public sealed class MessageWriterTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly Guid Lobby = Guid.NewGuid();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly RecordingFrameWriter _connections = new();
    private readonly ServerLag _lag = new(Options.Create(new ChatOptions()), NullLogger<ServerLag>.Instance);

    [Fact]
    public async Task The_lane_takes_whatever_has_queued_up_to_the_batch_size_answers_each_caller_and_broadcasts_in_order()
    {
        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new FakeStore(async (batch, call, _) =>
        {
            if (call == 0)
            {
                firstEntered.SetResult();
                await release.Task;
            }

            return StoreAll(batch);
        });
        using var writer = Writer(store, batchMaxSize: 3);
        await writer.StartAsync(CancellationToken.None);

        var first = writer.SendAsync(Command("c0"), CancellationToken.None);
        await firstEntered.Task.WaitAsync(Timeout);
        var queued = Enumerable.Range(1, 7).Select(i => writer.SendAsync(Command($"c{i}"), CancellationToken.None)).ToList();
        release.SetResult();
        var answers = await Task.WhenAll(queued.Prepend(first)).WaitAsync(Timeout);
        await writer.StopAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal([1, 3, 3, 1], store.BatchSizes);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"c{i}"), answers.Select(a => a.Value.Message.ClientMessageId));
        Assert.All(answers, a => Assert.True(a.Value.Created));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"c{i}"), _connections.Written.SelectMany(f => (MessageResponse[])f.Args[0]!).Select(m => m.ClientMessageId));
    }

    [Fact]
    public async Task A_failing_store_fails_only_its_batch_and_a_send_the_store_leaves_unanswered_is_cancelled()
    {
        var store = new FakeStore((batch, call, _) => call switch
        {
            0 => throw new InvalidOperationException("database down"),
            1 => Task.FromResult(new List<StoredMessage>()), // answers nobody
            _ => Task.FromResult(StoreAll(batch)),
        });
        using var writer = Writer(store);
        await writer.StartAsync(CancellationToken.None);

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.SendAsync(Command("a"), CancellationToken.None).WaitAsync(Timeout));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.SendAsync(Command("b"), CancellationToken.None).WaitAsync(Timeout));
        var stored = await writer.SendAsync(Command("c"), CancellationToken.None).WaitAsync(Timeout);
        await writer.StopAsync(CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("database down", failed.Message);
        Assert.Equal("c", stored.Value.Message.ClientMessageId);
        Assert.Equal([1, 1, 1], store.BatchSizes);
    }

    [Fact]
    public async Task At_shutdown_the_batch_in_progress_and_the_queued_sends_are_cancelled_and_new_sends_refused()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new FakeStore(async (batch, _, cancellationToken) =>
        {
            entered.SetResult();
            await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
            return StoreAll(batch);
        });
        using var writer = Writer(store);
        await writer.StartAsync(CancellationToken.None);
        var inProgress = writer.SendAsync(Command("a"), CancellationToken.None);
        await entered.Task.WaitAsync(Timeout);
        var queued = new[] { writer.SendAsync(Command("b"), CancellationToken.None), writer.SendAsync(Command("c"), CancellationToken.None) };

        await writer.StopAsync(CancellationToken.None).WaitAsync(Timeout);

        foreach (var send in queued.Prepend(inProgress))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(Timeout));
        }

        Assert.Equal("chat.server_restarting", (await writer.SendAsync(Command("d"), CancellationToken.None)).Error!.Code);
        Assert.Equal([1], store.BatchSizes);
        Assert.Empty(_connections.Written);
    }

    [Fact]
    public async Task Draining_refuses_new_sends_and_stores_answers_and_broadcasts_every_send_already_accepted()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new FakeStore(async (batch, call, _) =>
        {
            if (call == 0)
            {
                await release.Task;
            }

            return StoreAll(batch);
        });
        using var writer = Writer(store, batchMaxSize: 2);
        await writer.StartAsync(CancellationToken.None);
        var accepted = Enumerable.Range(0, 5).Select(i => writer.SendAsync(Command($"a{i}"), CancellationToken.None)).ToList();

        var draining = writer.DrainAsync(Timeout);
        var refused = await writer.SendAsync(Command("late"), CancellationToken.None);
        release.SetResult();

        Assert.True(await draining);
        Assert.Equal("chat.server_restarting", refused.Error!.Code);
        Assert.Equal(503, refused.Error.Type.StatusCode());
        Assert.All(await Task.WhenAll(accepted), answer => Assert.True(answer.Value.Created));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"a{i}"), _connections.Written.SelectMany(f => (MessageResponse[])f.Args[0]!).Select(m => m.ClientMessageId));
        await writer.StopAsync(CancellationToken.None).WaitAsync(Timeout);
    }

    [Fact]
    public async Task Beyond_the_queue_limit_a_send_is_refused_at_once_with_a_retry_hint_and_taken_again_once_the_queue_moves()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = new FakeStore(async (batch, call, _) =>
        {
            if (call == 0)
            {
                entered.SetResult();
                await release.Task;
            }

            return StoreAll(batch);
        });
        using var writer = Writer(store, batchMaxSize: 10, queueLimit: 3);
        await writer.StartAsync(CancellationToken.None);
        var first = writer.SendAsync(Command("in-progress"), CancellationToken.None);
        await entered.Task.WaitAsync(Timeout);
        var queued = Enumerable.Range(0, 3).Select(i => writer.SendAsync(Command($"q{i}"), CancellationToken.None)).ToList();

        var refused = await writer.SendAsync(Command("one-too-many"), CancellationToken.None).WaitAsync(Timeout);

        Assert.Equal("chat.overloaded", refused.Error!.Code);
        Assert.Equal(429, refused.Error.Type.StatusCode());
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Error.RetryAfter);
        Assert.Equal(3, writer.Queued);
        release.SetResult();
        await Task.WhenAll(queued.Prepend(first)).WaitAsync(Timeout);
        Assert.True((await writer.SendAsync(Command("one-too-many"), CancellationToken.None).WaitAsync(Timeout)).IsSuccess);
        await writer.StopAsync(CancellationToken.None).WaitAsync(Timeout);
    }

    public void Dispose()
    {
        _lag.Dispose();
        _services.Dispose();
    }

    private static SendMessageCommand Command(string clientMessageId) => new(Ann, Lobby, clientMessageId, "hi", null);

    private long _lastSeq;

    /// <summary>Stores every send of the batch, numbered in order, and answers it as created.</summary>
    private List<StoredMessage> StoreAll(IReadOnlyList<PendingSend> batch) => batch
        .Select(pending =>
        {
            var response = Response(pending.Command, seq: Interlocked.Increment(ref _lastSeq));
            pending.Complete(new SendMessageResult(response, Created: true));
            return new StoredMessage(pending, Stored(Ann, Lobby, pending.Command.ClientMessageId), new RoomInfo(RoomKind.Group, [Ann, Bob])) { Response = response };
        })
        .ToList();

    private MessageWriter Writer(FakeStore store, int batchMaxSize = 256, int queueLimit = 1000)
    {
        var metrics = new SendPathMetrics(_services.GetRequiredService<IMeterFactory>(), NullLoggerFactory.Instance);
        return new MessageWriter(
            store,
            _lag,
            new MessageBroadcaster(TestRealtime.Bus(_services, _connections), metrics, NullLogger<MessageBroadcaster>.Instance),
            metrics,
            Options.Create(new ChatOptions { SendBatchMaxSize = batchMaxSize, SendQueueLimit = queueLimit }),
            NullLogger<MessageWriter>.Instance);
    }

    /// <summary>A store that records each batch's size and answers with <c>store(batch, call index, token)</c>.</summary>
    private sealed class FakeStore(Func<IReadOnlyList<PendingSend>, int, CancellationToken, Task<List<StoredMessage>>> store) : IMessageStore
    {
        public List<int> BatchSizes { get; } = [];

        public Task<List<StoredMessage>> StoreAsync(IReadOnlyList<PendingSend> batch, SendBatchTimings timings, CancellationToken cancellationToken)
        {
            BatchSizes.Add(batch.Count);
            return store([.. batch], BatchSizes.Count - 1, cancellationToken);
        }
    }
}
