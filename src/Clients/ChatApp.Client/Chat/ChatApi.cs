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

    /// <summary>Renames a group or changes its topic (owner or admin); null leaves a field unchanged.</summary>
    public Task<Room> UpdateRoomAsync(Guid roomId, string? name = null, string? topic = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Room>(HttpMethod.Patch, $"/api/v1/chat/rooms/{roomId}", new { name, topic }, authenticated: true, cancellationToken);

    public Task<Room> AddMembersAsync(Guid roomId, IEnumerable<Guid> userIds, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Room>(HttpMethod.Post, $"/api/v1/chat/rooms/{roomId}/members", new { userIds = userIds.ToList() }, authenticated: true, cancellationToken);

    /// <summary>Removes a member, or leaves the room when <paramref name="userId"/> is mine.</summary>
    public Task RemoveMemberAsync(Guid roomId, Guid userId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/chat/rooms/{roomId}/members/{userId}", null, cancellationToken);

    /// <summary>Leaves a group (removes me; asks the server who I am first). Knowing my id, <see cref="RemoveMemberAsync"/> with it does the same in one call.</summary>
    public async Task LeaveAsync(Guid roomId, CancellationToken cancellationToken = default)
    {
        var me = await _api.GetAsync<Accounts.MyProfile>("/api/v1/accounts/me", cancellationToken);
        await RemoveMemberAsync(roomId, me.Id, cancellationToken);
    }

    /// <summary>Sets a group's picture (owner or admin) to one of my uploads with purpose <c>avatar</c>.</summary>
    public Task<Room> SetRoomPictureAsync(Guid roomId, Guid mediaId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Room>(HttpMethod.Put, $"/api/v1/chat/rooms/{roomId}/picture", new { mediaId }, authenticated: true, cancellationToken);

    public Task RemoveRoomPictureAsync(Guid roomId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/chat/rooms/{roomId}/picture", null, cancellationToken);

    /// <summary>Makes a member an admin or an admin a member again (owner only); <paramref name="role"/> is <see cref="RoomRoles.Admin"/> or <see cref="RoomRoles.Member"/>.</summary>
    public Task<Room> SetMemberRoleAsync(Guid roomId, Guid userId, string role, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Room>(HttpMethod.Put, $"/api/v1/chat/rooms/{roomId}/members/{userId}/role", new { role }, authenticated: true, cancellationToken);

    /// <summary>Hands a group I own to another member; I stay as an admin.</summary>
    public Task<Room> TransferOwnershipAsync(Guid roomId, Guid userId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Room>(HttpMethod.Put, $"/api/v1/chat/rooms/{roomId}/owner", new { userId }, authenticated: true, cancellationToken);

    public Task<Message> EditMessageAsync(Guid roomId, Guid messageId, string text, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Message>(HttpMethod.Patch, $"/api/v1/chat/rooms/{roomId}/messages/{messageId}", new { text }, authenticated: true, cancellationToken);

    /// <summary>Deletes my message (it stays in history as a tombstone).</summary>
    public Task DeleteMessageAsync(Guid roomId, Guid messageId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/chat/rooms/{roomId}/messages/{messageId}", null, cancellationToken);

    public Task ReactAsync(Guid roomId, Guid messageId, string emoji, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chat/rooms/{roomId}/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}", null, cancellationToken);

    public Task RemoveReactionAsync(Guid roomId, Guid messageId, string emoji, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/chat/rooms/{roomId}/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}", null, cancellationToken);

    public Task BlockAsync(Guid userId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Put, $"/api/v1/chat/blocks/{userId}", null, cancellationToken);

    public Task UnblockAsync(Guid userId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/chat/blocks/{userId}", null, cancellationToken);
}
