using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Carries room events to every member's connections on every node. The publishing node writes to its own
/// connections at once and, with Redis configured, publishes the frames once (not once per member) on one channel that
/// every node subscribes to; each node writes them to its own members' connections. <see cref="RoomStreams"/> keeps each
/// room's events in sequence order on the way. Failing to publish never fails the change: the events are stored, and
/// clients catch up from history.
/// </summary>
internal sealed partial class RoomBus(
    RoomStreams streams,
    IHubProtocolResolver protocols,
    RealtimeMetrics metrics,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<RoomBus> logger) : IHostedService
{
    private readonly Guid _node = Guid.NewGuid();
    private readonly RedisChannel _channel = RedisChannel.Literal((configuration["SignalR:RedisChannelPrefix"] ?? "chatapp:signalr") + ":rooms");
    private ISubscriber? _subscriber;
    private ChannelMessageQueue? _queue;
    private long _failuresSinceLog;
    private long _lastFailureLog;

    /// <summary>Delivers the frames here and publishes them to the other nodes, in this order per room.</summary>
    public void Publish(IReadOnlyList<RoomFrame> frames)
    {
        if (frames.Count == 0)
        {
            return;
        }

        foreach (var frame in frames)
        {
            streams.Deliver(frame);
        }

        if (_subscriber is not { } subscriber)
        {
            return;
        }

        var start = Stopwatch.GetTimestamp();
        try
        {
            var message = RoomFrameCodec.Encode(_node, frames, protocols.AllProtocols);
            _ = ObservePublishAsync(subscriber.PublishAsync(_channel, message));
        }
        catch (RedisException ex)
        {
            PublishFailed(ex);
        }

        metrics.Published(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(IConnectionMultiplexer)) is not IConnectionMultiplexer redis)
        {
            return;
        }

        var subscriber = redis.GetSubscriber();
        // One queue, read in order: frames from one node arrive in the order that node published them.
        _queue = await subscriber.SubscribeAsync(_channel);
        _queue.OnMessage(Receive);
        _subscriber = subscriber;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is { } queue)
        {
            await queue.UnsubscribeAsync();
        }
    }

    private void Receive(ChannelMessage message)
    {
        try
        {
            var (node, frames) = RoomFrameCodec.Decode((byte[])message.Message!);
            if (node == _node)
            {
                return; // already delivered here when published
            }

            foreach (var frame in frames)
            {
                streams.Deliver(frame);
            }
        }
        catch (FormatException ex)
        {
            LogUnreadable(logger, ex);
        }
    }

    private async Task ObservePublishAsync(Task publish)
    {
        try
        {
            await publish;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            PublishFailed(ex);
        }
    }

    /// <summary>At most one warning per 10 s, with the count since the last one (Redis down must not flood the log).</summary>
    private void PublishFailed(Exception ex)
    {
        metrics.PublishFailed();
        var failures = Interlocked.Increment(ref _failuresSinceLog);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastFailureLog);
        if (now - last >= 10_000 && Interlocked.CompareExchange(ref _lastFailureLog, now, last) == last)
        {
            Interlocked.Add(ref _failuresSinceLog, -failures);
            LogPublishFailed(logger, ex, failures);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish room events to the other nodes ({Failures} time(s) since the last warning); their clients catch up from history")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, long failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable message on the room channel")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
