using System.Diagnostics;
using System.Threading.Channels;
using ChatApp.Modules.Chat.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Rings every member's doorbell, batch after batch in commit order, apart from the writer so that storing the next
/// batch overlaps with broadcasting this one. Each room of a batch becomes one <c>MessagesCreated</c> frame holding the
/// batch's messages of that room in sequence order (<see cref="MessageFrames"/>), serialised once per protocol and
/// published once for all nodes (<see cref="RoomBus"/>).
/// </summary>
internal sealed class MessageBroadcaster(RoomBus bus, SendPathMetrics metrics, ILogger<MessageBroadcaster> logger)
{
    /// <summary>Bounds a frame's size (at most this many texts of up to 4,000 characters) for the phones' parsers.</summary>
    private const int MaxMessagesPerFrame = 64;

    /// <summary>Committed batches that may wait for their broadcast before the writer waits too.</summary>
    private const int MaxPendingBatches = 4;

    private readonly SemaphoreSlim _slots = new(MaxPendingBatches);

    private readonly Channel<(List<StoredMessage> Stored, SendBatchTimings Timings, ActivityContext Trace)> _batches =
        Channel.CreateUnbounded<(List<StoredMessage>, SendBatchTimings, ActivityContext)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private int _pending;

    /// <summary>Committed batches not broadcast yet.</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>
    /// Queues a committed batch; called from the writer's one loop, so in commit order. Waits while
    /// <see cref="MaxPendingBatches"/> are already waiting (the writer then stops taking batches and the send queue's
    /// bound refuses new sends). <paramref name="trace"/> is the batch's span, the parent of the broadcast's.
    /// </summary>
    public async ValueTask PostAsync(List<StoredMessage> stored, SendBatchTimings timings, ActivityContext trace = default)
    {
        await _slots.WaitAsync();
        Interlocked.Increment(ref _pending);
        _batches.Writer.TryWrite((stored, timings, trace));
    }

    /// <summary>Lets <see cref="RunAsync"/> end once the batches already posted are out.</summary>
    public void Complete() => _batches.Writer.TryComplete();

    /// <summary>The broadcast loop; the writer runs it for its lifetime.</summary>
    public async Task RunAsync()
    {
        await foreach (var (stored, timings, trace) in _batches.Reader.ReadAllAsync())
        {
            var start = Stopwatch.GetTimestamp();
            Activity? activity = null;
            try
            {
                var frames = MessageFrames.Build(stored.Select(s => (s.Room.Members, s.Response!)), MaxMessagesPerFrame)
                    .Select(f => RoomFrame.Of(f.RoomId, f.Messages[0].Seq, f.Messages[^1].Seq, f.Members, ChatEvents.MessagesCreated, [f.Messages]))
                    .ToList();
                activity = SendPathTracing.StartBroadcast(trace, stored.Count, frames.Count);
                bus.Publish(frames);
            }
            catch (Exception ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                logger.LogWarning(ex, "Could not broadcast {Count} new message(s); clients will catch up from history", stored.Count);
            }
            finally
            {
                activity?.Dispose();
                Interlocked.Decrement(ref _pending);
                _slots.Release();
            }

            timings.Broadcast = Stopwatch.GetElapsedTime(start);
            metrics.Broadcast(timings);
            metrics.Finished(timings);
        }
    }
}
