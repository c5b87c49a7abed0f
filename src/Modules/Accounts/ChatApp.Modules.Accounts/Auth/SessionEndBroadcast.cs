using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Tells every node's <see cref="SessionValidator"/> that sessions ended for good, so their access tokens fail at once
/// everywhere instead of within the validator's cache duration: used when an account is deleted. This node is told
/// directly; the others through one Redis publish on <c>{SignalR:RedisChannelPrefix}:sessions-ended</c> (16 bytes per
/// session id). Without Redis there is one node. If the publish fails, the other nodes still stop within
/// <see cref="SessionValidator.CacheDuration"/>, as for any revocation.
/// </summary>
internal sealed partial class SessionEndBroadcast(
    SessionValidator sessions,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<SessionEndBroadcast> logger) : IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal((configuration["SignalR:RedisChannelPrefix"] ?? "chatapp:signalr") + ":sessions-ended");
    private ISubscriber? _subscriber;
    private ChannelMessageQueue? _queue;

    /// <summary>Call after the commit that ended the sessions.</summary>
    public async Task PublishAsync(IReadOnlyCollection<Guid> sessionIds)
    {
        if (sessionIds.Count == 0)
        {
            return;
        }

        sessions.MarkEnded(sessionIds);
        if (_subscriber is not { } subscriber)
        {
            return;
        }

        try
        {
            await subscriber.PublishAsync(_channel, sessionIds.SelectMany(id => id.ToByteArray()).ToArray());
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, ex, sessionIds.Count);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return;
        }

        var subscriber = redis.GetSubscriber();
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
        var bytes = (byte[]?)message.Message;
        if (bytes is null || bytes.Length % 16 != 0)
        {
            return;
        }

        sessions.MarkEnded(Enumerable.Range(0, bytes.Length / 16).Select(i => new Guid(bytes.AsSpan(i * 16, 16))).ToList());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes that {Count} session(s) ended; they stop within the session cache duration")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
