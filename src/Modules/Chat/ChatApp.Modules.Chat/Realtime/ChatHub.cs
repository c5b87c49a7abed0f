using ChatApp.Modules.Chat.Features.MarkRead;
using ChatApp.Modules.Chat.Features.SendMessage;
using ChatApp.Modules.Chat.Rooms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// The realtime doorbell at <c>/hubs/chat</c>. A connection receives the events of every room its user belongs to
/// (events are addressed to users, not to per-room groups, so a membership change needs no group bookkeeping on any
/// node). Hub methods run the same commands as the REST routes; an expected failure becomes a <see cref="HubException"/>
/// whose message starts with the error code.
/// <para>
/// SignalR builds a hub (and a DI scope) for every call, so the constructor takes only what every call needs: the
/// services that hold a <see cref="ChatDbContext"/> (<see cref="TypingSignals"/>, <see cref="ChatNotifier"/>) are
/// resolved from the call's scope only in the methods that use them, and a send constructs no DbContext here.
/// </para>
/// </summary>
[Authorize]
internal sealed class ChatHub(
    ISender sender, IServiceProvider services, IPresenceStore presence, ConnectedSessions sessions, TimeProvider timeProvider) : Hub
{
    public const string Path = "/hubs/chat";

    public override async Task OnConnectedAsync()
    {
        sessions.Add(Context);
        try
        {
            if (await presence.ConnectedAsync(UserId, Context.ConnectionId, timeProvider.GetUtcNow().UtcDateTime))
            {
                await services.GetRequiredService<ChatNotifier>().PresenceChangedAsync(new PresenceChangedEvent(UserId, Online: true, LastSeenAt: null), Context.ConnectionAborted);
            }
        }
        catch (StackExchange.Redis.RedisException)
        {
            // Presence is best effort: a Redis outage must not refuse connections.
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Remove(Context.ConnectionId);
        try
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            if (await presence.DisconnectedAsync(UserId, Context.ConnectionId, now))
            {
                await services.GetRequiredService<ChatNotifier>().PresenceChangedAsync(new PresenceChangedEvent(UserId, Online: false, LastSeenAt: now), CancellationToken.None);
            }
        }
        catch (StackExchange.Redis.RedisException)
        {
            // Presence is best effort; the connection entry expires by itself.
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<MessageResponse> SendMessage(Guid roomId, string clientMessageId, string text, Guid? replyTo)
    {
        var result = await sender.Send(new SendMessageCommand(UserId, roomId, clientMessageId, text, replyTo), Context.ConnectionAborted);
        return result.IsSuccess ? result.Value.Message : throw HubError(result.Error);
    }

    /// <summary><see cref="SendMessage"/> with up to 10 attached pictures (media ids of my chat uploads).</summary>
    public async Task<MessageResponse> SendMessageWithAttachments(Guid roomId, string clientMessageId, string? text, Guid? replyTo, Guid[] attachments)
    {
        var result = await sender.Send(new SendMessageCommand(UserId, roomId, clientMessageId, text ?? "", replyTo, attachments), Context.ConnectionAborted);
        return result.IsSuccess ? result.Value.Message : throw HubError(result.Error);
    }

    public async Task<ReadStateResponse> MarkRead(Guid roomId, long seq)
    {
        var result = await sender.Send(new MarkReadCommand(UserId, roomId, seq), Context.ConnectionAborted);
        return result.IsSuccess ? result.Value : throw HubError(result.Error);
    }

    /// <summary>Tells the room's other members that I am typing. Not stored; throttled (extra calls are dropped).</summary>
    public async Task Typing(Guid roomId)
    {
        if (!await services.GetRequiredService<TypingSignals>().SendAsync(UserId, roomId, Context.ConnectionAborted))
        {
            throw HubError(ChatErrors.RoomNotFound);
        }
    }

    private Guid UserId => Context.User!.GetUserId();

    private static HubException HubError(Error error)
    {
        var fields = error.FieldErrors.Count == 0
            ? ""
            : " " + string.Join("; ", error.FieldErrors.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"));
        return new HubException($"{error.Code}: {error.Message}{fields}");
    }
}
