using ChatApp.Client.Auth;
using ChatApp.Client.Chat;
using ChatApp.Client.Realtime.Events;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Client.Realtime;

/// <summary>
/// The chat hub (/hubs/chat) with typed events. Reconnects automatically; after every (re)connect and whenever a room's
/// sequence numbers show a gap it catches up through POST /chat/sync from the kept <see cref="Cursor"/> and raises the
/// missed changes as the same events. Handlers may see a change twice: ignore messages whose id you hold.
/// </summary>
public sealed class ChatRealtime : IAsyncDisposable
{
    private readonly ChatApi _chat;
    private readonly ChatAppClientOptions _options;
    private readonly SemaphoreSlim _catchingUp = new(1, 1);

    internal ChatRealtime(Uri baseAddress, ChatApi chat, Session session, ChatAppClientOptions options)
    {
        _chat = chat;
        _options = options;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/chat"), http =>
            {
                http.Transports = HttpTransportType.WebSockets;
                http.SkipNegotiation = true;
                http.AccessTokenProvider = () => session.GetAccessTokenAsync();
                options.ConfigureHubConnection?.Invoke(http);
            })
            .WithAutomaticReconnect()
            .AddJsonProtocol(json => json.PayloadSerializerOptions = Http.ApiConnection.CreateJsonOptions(strict: false));
        if (options.UseMessagePack)
        {
            builder.AddMessagePackProtocol(messagePack => messagePack.SerializerOptions = MessagePackSerializerOptions.Standard
                .WithResolver(ContractlessStandardResolver.Instance)
                .WithSecurity(MessagePackSecurity.UntrustedData));
        }
        Connection = builder.Build();
        Connection.On<Message[]>(nameof(MessagesCreated), messages =>
        {
            MessagesCreated?.Invoke(messages);
            Observe(messages.Select(m => (m.RoomId, m.Seq)));
        });
        Connection.On<MessageUpdatedEvent>(nameof(MessageUpdated), e => Numbered(MessageUpdated, e, e.RoomId, e.Seq));
        Connection.On<MembershipChangedEvent>(nameof(MembershipChanged), e => Numbered(MembershipChanged, e, e.RoomId, e.Seq));
        Connection.On<RoomChangedEvent>(nameof(RoomChanged), e => Numbered(RoomChanged, e, e.RoomId, e.Seq));
        Connection.On<ReactionChangedEvent>(nameof(ReactionChanged), e => Numbered(ReactionChanged, e, e.RoomId, e.Seq));
        Connection.On<RoomCreatedEvent>(nameof(RoomCreated), e => Numbered(RoomCreated, e, e.RoomId, e.Seq));
        Connection.On<ReadPositionChangedEvent>(nameof(ReadPositionChanged), e => ReadPositionChanged?.Invoke(e));
        Connection.On<PresenceChangedEvent>(nameof(PresenceChanged), e => PresenceChanged?.Invoke(e));
        Connection.On<ModerationNoticeEvent>(nameof(ModerationNotice), e => ModerationNotice?.Invoke(e));
        Connection.On<TypingEvent>(nameof(Typing), e => Typing?.Invoke(e));
        Connection.Reconnected += async _ => await CatchUpQuietlyAsync();
    }

    /// <summary>New messages (live, or missed ones found by a catch-up), in sequence order per room.</summary>
    public event Action<IReadOnlyList<Message>>? MessagesCreated;

    public event Action<MessageUpdatedEvent>? MessageUpdated;

    public event Action<MembershipChangedEvent>? MembershipChanged;

    public event Action<RoomChangedEvent>? RoomChanged;

    public event Action<ReactionChangedEvent>? ReactionChanged;

    public event Action<RoomCreatedEvent>? RoomCreated;

    public event Action<ReadPositionChangedEvent>? ReadPositionChanged;

    public event Action<PresenceChangedEvent>? PresenceChanged;

    public event Action<ModerationNoticeEvent>? ModerationNotice;

    public event Action<TypingEvent>? Typing;

    /// <summary>A catch-up finished: truncated rooms (reload their newest page), read positions, removed rooms.</summary>
    public event Action<SyncResult>? Synced;

    /// <summary>A catch-up in the background failed; the next reconnect or gap tries again.</summary>
    public event Action<Exception>? CatchUpFailed;

    public HubConnection Connection { get; }

    public SyncCursor Cursor { get; private set; } = new();

    /// <summary>Connects and catches up from <paramref name="cursor"/> (a persisted one, or none for everything).</summary>
    public async Task StartAsync(IReadOnlyDictionary<Guid, long>? cursor = null, CancellationToken cancellationToken = default)
    {
        if (cursor is not null)
        {
            Cursor = new SyncCursor(cursor);
        }
        await Connection.StartAsync(cancellationToken);
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>POST /chat/sync from the cursor; raises what was missed and moves the cursor.</summary>
    public async Task<SyncResult> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _catchingUp.WaitAsync(cancellationToken);
        try
        {
            var result = await _chat.SyncAsync(Cursor.Snapshot(), cancellationToken);
            foreach (var room in result.Rooms)
            {
                foreach (var change in room.Events.Where(e => e.Seq > Cursor[room.RoomId]))
                {
                    Raise(room.RoomId, change);
                }
            }
            Cursor.Apply(result.Cursor, result.RemovedRoomIds);
            Synced?.Invoke(result);
            return result;
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    /// <summary>
    /// Sends a message; retried with the same client message id (stored once) on <c>chat.overloaded</c>,
    /// <c>chat.server_restarting</c> and a lost connection. A refusal is a <see cref="ChatHubException"/>.
    /// </summary>
    public Task<Message> SendMessageAsync(
        Guid roomId, string text, Guid? replyTo = null, IReadOnlyList<Guid>? attachments = null, string? clientMessageId = null, CancellationToken cancellationToken = default) =>
        SendRetry.RunAsync(
            clientMessageId ?? Guid.NewGuid().ToString(),
            (id, ct) => attachments is { Count: > 0 }
                ? Connection.InvokeAsync<Message>("SendMessageWithAttachments", roomId, id, text, replyTo, attachments, ct)
                : Connection.InvokeAsync<Message>("SendMessage", roomId, id, text, replyTo, ct),
            WaitToRetryAsync,
            _options.MaxSendAttempts,
            cancellationToken);

    public async Task<ReadState> MarkReadAsync(Guid roomId, long seq, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Connection.InvokeAsync<ReadState>("MarkRead", roomId, seq, cancellationToken);
        }
        catch (Microsoft.AspNetCore.SignalR.HubException refused)
        {
            throw HubErrors.Parse(refused.Message, refused);
        }
    }

    /// <summary>Tells the room I am typing (call every 1–2 s while typing).</summary>
    public async Task TypingAsync(Guid roomId, CancellationToken cancellationToken = default)
    {
        try
        {
            await Connection.InvokeAsync("Typing", roomId, cancellationToken);
        }
        catch (Microsoft.AspNetCore.SignalR.HubException refused)
        {
            throw HubErrors.Parse(refused.Message, refused);
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private async Task WaitToRetryAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, _options.TimeProvider, cancellationToken);
        var deadline = _options.TimeProvider.GetUtcNow() + TimeSpan.FromSeconds(60);
        while (Connection.State != HubConnectionState.Connected && _options.TimeProvider.GetUtcNow() < deadline)
        {
            if (Connection.State == HubConnectionState.Disconnected)
            {
                try
                {
                    await Connection.StartAsync(cancellationToken);
                    await CatchUpQuietlyAsync();
                    continue;
                }
                catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // Still unreachable: wait and try again until the deadline.
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), _options.TimeProvider, cancellationToken);
        }
    }

    private void Numbered<T>(Action<T>? handler, T payload, Guid roomId, long seq)
    {
        handler?.Invoke(payload);
        Observe([(roomId, seq)]);
    }

    private void Observe(IEnumerable<(Guid RoomId, long Seq)> changes)
    {
        var gap = false;
        foreach (var (roomId, seq) in changes)
        {
            gap |= !Cursor.Observe(roomId, seq);
        }
        if (gap)
        {
            _ = Task.Run(CatchUpQuietlyAsync);
        }
    }

    private async Task CatchUpQuietlyAsync()
    {
        try
        {
            await CatchUpAsync();
        }
        catch (Exception failed)
        {
            CatchUpFailed?.Invoke(failed);
        }
    }

    private void Raise(Guid roomId, RoomEvent change)
    {
        switch (change.Kind)
        {
            case "message.created" when change.Message is not null:
                MessagesCreated?.Invoke([change.Message]);
                break;
            case "message.edited" or "message.deleted" when change.Message is not null:
                MessageUpdated?.Invoke(new MessageUpdatedEvent(roomId, change.Seq, change.Kind, change.Message));
                break;
            case "member.joined" or "member.left" when change.UserId is { } member:
                MembershipChanged?.Invoke(new MembershipChangedEvent(roomId, change.Seq, change.Kind, member, change.ByUserId));
                break;
            case "reaction.added" or "reaction.removed" when change.UserId is { } reactor && change.Message is { } reacted:
                ReactionChanged?.Invoke(new ReactionChangedEvent(roomId, change.Seq, change.Kind, reacted.Id, reactor, change.Emoji ?? ""));
                break;
            case "member.role_changed" or "room.renamed" or "room.topic_changed" or "room.picture_changed" when change.UserId is { } by:
                RoomChanged?.Invoke(new RoomChangedEvent(roomId, change.Seq, change.Kind, by, change.Role));
                break;
            default:
                break;
        }
    }
}
