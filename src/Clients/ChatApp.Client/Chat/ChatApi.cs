using ChatApp.Client.Http;

namespace ChatApp.Client.Chat;

/// <summary>Rooms, messages, read positions, sync and presence over REST (docs/api.md "Chat").</summary>
public sealed class ChatApi
{
    private readonly ApiConnection _api;

    internal ChatApi(ApiConnection api) => _api = api;

    /// <summary>My rooms, most recently active first (without members).</summary>
    public Task<IReadOnlyList<Room>> ListRoomsAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<Room>>("/api/v1/chat/rooms", cancellationToken);

    public Task<Room> GetRoomAsync(Guid roomId, CancellationToken cancellationToken = default) =>
        _api.GetAsync<Room>($"/api/v1/chat/rooms/{roomId}", cancellationToken);

    /// <summary>Gets or creates my direct room with that person.</summary>
    public Task<Room> OpenDirectAsync(Guid userId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Room>(HttpMethod.Put, $"/api/v1/chat/direct/{userId}", null, authenticated: true, cancellationToken);

    public Task<Room> CreateGroupAsync(string name, IEnumerable<Guid> memberIds, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Room>(HttpMethod.Post, "/api/v1/chat/rooms", new { name, memberIds = memberIds.ToList() }, authenticated: true, cancellationToken);

    /// <summary>A page of history: the newest, or older than <paramref name="before"/>, or newer than <paramref name="after"/>.</summary>
    public Task<MessagePage> GetMessagesAsync(Guid roomId, long? before = null, long? after = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        var query = string.Join('&', new[]
        {
            before is { } b ? $"before={b}" : null,
            after is { } a ? $"after={a}" : null,
            limit is { } l ? $"limit={l}" : null,
        }.OfType<string>());
        return _api.GetAsync<MessagePage>($"/api/v1/chat/rooms/{roomId}/messages" + (query.Length > 0 ? "?" + query : ""), cancellationToken);
    }

    /// <summary>
    /// Sends over REST. Retrying with the same <paramref name="clientMessageId"/> is safe: the original message comes back.
    /// </summary>
    public Task<Message> SendAsync(Guid roomId, string text, string? clientMessageId = null, Guid? replyTo = null, IReadOnlyList<Guid>? attachments = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Message>(HttpMethod.Post, $"/api/v1/chat/rooms/{roomId}/messages",
            new { clientMessageId = clientMessageId ?? Guid.NewGuid().ToString(), text, replyTo, attachments }, authenticated: true, cancellationToken);

    public Task<ReadState> MarkReadAsync(Guid roomId, long seq, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<ReadState>(HttpMethod.Post, $"/api/v1/chat/rooms/{roomId}/read", new { seq }, authenticated: true, cancellationToken);

    /// <summary>What changed after the cursor (room → last sequence number held); pass an empty cursor the first time.</summary>
    public Task<SyncResult> SyncAsync(IReadOnlyDictionary<Guid, long> cursor, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<SyncResult>(HttpMethod.Post, "/api/v1/chat/sync", new { rooms = cursor }, authenticated: true, cancellationToken);

    /// <summary>Presence of up to 500 people who share a room with me (POST /chat/presence).</summary>
    public Task<IReadOnlyList<Presence>> GetPresenceAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<IReadOnlyList<Presence>>(HttpMethod.Post, "/api/v1/chat/presence", new { userIds = userIds.ToList() }, authenticated: true, cancellationToken);
}
