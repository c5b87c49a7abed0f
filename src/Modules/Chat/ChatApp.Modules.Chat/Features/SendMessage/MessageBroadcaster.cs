using System.Diagnostics;
using System.Threading.Channels;
using ChatApp.Modules.Chat.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// Rings every member's doorbell, batch after batch in commit order, apart from the writer so that storing the next
/// batch overlaps with broadcasting this one. Each connection gets one <c>MessagesCreated</c> frame per batch holding
/// all of the batch's messages for its user, in sequence order per room (<see cref="MessageFrames"/>): one SignalR
/// message (and, with Redis, one publish) per member per batch instead of one per member per message. Members whose
/// rooms in the batch are the same share one serialised payload. The next batch starts once this one is out, so frames
/// never overtake each other.
/// </summary>
internal sealed class MessageBroadcaster(IHubContext<ChatHub> hub, SendPathMetrics metrics, ILogger<MessageBroadcaster> logger)
{
    /// <summary>Bounds a frame's size (at most this many texts of up to 4,000 characters) for the phones' parsers.</summary>
    private const int MaxMessagesPerFrame = 64;

    private readonly Channel<(List<StoredMessage> Stored, SendBatchTimings Timings)> _batches =
        Channel.CreateUnbounded<(List<StoredMessage>, SendBatchTimings)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Queues a committed batch; called from the writer's one loop, so in commit order.</summary>
    public void Post(List<StoredMessage> stored, SendBatchTimings timings) => _batches.Writer.TryWrite((stored, timings));

    /// <summary>Lets <see cref="RunAsync"/> end once the batches already posted are out.</summary>
    public void Complete() => _batches.Writer.TryComplete();

    /// <summary>The broadcast loop; the writer runs it for its lifetime.</summary>
    public async Task RunAsync()
    {
        await foreach (var (stored, timings) in _batches.Reader.ReadAllAsync())
        {
            var start = Stopwatch.GetTimestamp();
            var sends = new List<Task>();
            foreach (var (users, messages) in MessageFrames.Build(stored.Select(s => (s.Room.Members, s.Response!)), MaxMessagesPerFrame))
            {
                sends.Add(hub.Clients.Users(users).SendAsync(ChatEvents.MessagesCreated, messages, CancellationToken.None));
            }

            try
            {
                await Task.WhenAll(sends);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not broadcast {Count} new message(s); clients will catch up from history", stored.Count);
            }

            timings.Broadcast = Stopwatch.GetElapsedTime(start);
            metrics.Broadcast(timings);
            metrics.Finished(timings);
        }
    }
}
