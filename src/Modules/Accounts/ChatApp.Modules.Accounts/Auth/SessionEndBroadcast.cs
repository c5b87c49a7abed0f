using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Tells every node's <see cref="SessionValidator"/> that sessions ended for good, so their access tokens fail at once
/// everywhere instead of within the validator's cache duration, and every node's <see cref="AdminCookieValidator"/> to
/// forget the account (an admin cookie is checked again at once): used when an account is deleted. This node is told
/// directly; the others through one Redis publish on <c>{SignalR:RedisChannelPrefix}:sessions-ended</c> (the user id,
/// then each session id, 16 bytes each). Without Redis there is one node. If the publish fails, the other nodes still stop within
/// <see cref="SessionValidator.CacheDuration"/>, as for any revocation.
/// </summary>
internal sealed partial class SessionEndBroadcast(
    SessionValidator sessions,
    AdminCookieValidator adminCookies,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<SessionEndBroadcast> logger) : IHostedService
{
    private readonly RedisChannel _channel = RedisChannel.Literal((configuration["SignalR:RedisChannelPrefix"] ?? "chatapp:signalr") + ":sessions-ended");
    private ISubscriber? _subscriber;
    private ChannelMessageQueue? _queue;

    /// <summary>Call after the commit that ended the sessions.</summary>
    public async Task PublishAsync(Guid userId, IReadOnlyCollection<Guid> sessionIds)
    {
        adminCookies.Forget(userId);
        if (sessionIds.Count > 0)
        {
            sessions.MarkEnded(sessionIds);
        }

        if (_subscriber is not { } subscriber)
        {
            return;
        }

        try
        {
            await subscriber.PublishAsync(_channel, sessionIds.Prepend(userId).SelectMany(id => id.ToByteArray()).ToArray());
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
        if (bytes is null || bytes.Length == 0 || bytes.Length % 16 != 0)
        {
            return;
        }

        adminCookies.Forget(new Guid(bytes.AsSpan(0, 16)));
        if (bytes.Length > 16)
        {
            sessions.MarkEnded(Enumerable.Range(1, (bytes.Length / 16) - 1).Select(i => new Guid(bytes.AsSpan(i * 16, 16))).ToList());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes that {Count} session(s) ended; they stop within the session cache duration")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);
}
