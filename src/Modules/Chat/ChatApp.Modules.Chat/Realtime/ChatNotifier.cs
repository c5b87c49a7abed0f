using ChatApp.Modules.Chat.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>Names and payloads of the server-to-client events (the hub contract in docs/api.md).</summary>
internal static class ChatEvents
{
    /// <summary>New messages, one or more, as an array in sequence order per room (see MessageWriter).</summary>
    public const string MessagesCreated = "MessagesCreated";
    public const string ReadPositionChanged = "ReadPositionChanged";
    public const string RoomCreated = "RoomCreated";
    public const string MessageUpdated = "MessageUpdated";
    public const string MembershipChanged = "MembershipChanged";
    public const string ReactionChanged = "ReactionChanged";
    public const string Typing = "Typing";
    public const string PresenceChanged = "PresenceChanged";
}

internal sealed record ReadPositionChangedEvent(Guid RoomId, Guid UserId, long ReadSeq);

internal sealed record RoomCreatedEvent(Guid RoomId, long Seq);

/// <summary>Someone joined or left a room (<c>kind</c> member.joined / member.left), with the change's sequence number.</summary>
internal sealed record MembershipChangedEvent(Guid RoomId, long Seq, string Kind, Guid UserId);

/// <summary>A reaction was added or removed (<c>kind</c> reaction.added / reaction.removed), with the change's sequence number.</summary>
internal sealed record ReactionChangedEvent(Guid RoomId, long Seq, string Kind, Guid MessageId, Guid UserId, string Emoji);

/// <summary>A person who shares a room with me came online or went offline.</summary>
internal sealed record PresenceChangedEvent(Guid UserId, bool Online, DateTime? LastSeenAt);

/// <summary>A message was edited or deleted: <c>seq</c> is the change's own sequence number, <c>message</c> the new state.</summary>
internal sealed record MessageUpdatedEvent(Guid RoomId, long Seq, string Kind, MessageResponse Message);

/// <summary>
/// Rings the doorbell after a change is committed: the database is the truth, a lost event is recovered by the client
/// from history (every event carries the room sequence number, so a gap is visible). Failing to notify never fails the
/// change.
/// </summary>
internal sealed class ChatNotifier(IHubContext<ChatHub> hub, ChatDbContext db, ILogger<ChatNotifier> logger)
{
    public Task MessageUpdatedAsync(MessageUpdatedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, ChatEvents.MessageUpdated, change, cancellationToken);

    /// <summary>To the members and to the person concerned (who, having left, is no longer a member).</summary>
    public Task MembershipChangedAsync(MembershipChangedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, ChatEvents.MembershipChanged, change, cancellationToken, also: change.UserId);

    public Task ReactionChangedAsync(ReactionChangedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, ChatEvents.ReactionChanged, change, cancellationToken);

    /// <summary>To everyone who shares a room with the user (presence is visible to them only).</summary>
    public async Task PresenceChangedAsync(PresenceChangedEvent change, CancellationToken cancellationToken)
    {
        try
        {
            var rooms = db.RoomMembers.Where(m => m.UserId == change.UserId).Select(m => m.RoomId);
            var others = await db.RoomMembers.AsNoTracking()
                .Where(m => rooms.Contains(m.RoomId) && m.UserId != change.UserId)
                .Select(m => m.UserId)
                .Distinct()
                .ToListAsync(cancellationToken);
            await hub.Clients.Users(others.Select(id => id.ToString()).ToList()).SendAsync(ChatEvents.PresenceChanged, change, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not send presence of {UserId}", change.UserId);
        }
    }

    public Task ReadPositionChangedAsync(ReadPositionChangedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, ChatEvents.ReadPositionChanged, change, cancellationToken);

    public Task RoomCreatedAsync(Guid roomId, long seq, CancellationToken cancellationToken) =>
        ToMembersAsync(roomId, ChatEvents.RoomCreated, new RoomCreatedEvent(roomId, seq), cancellationToken);

    private async Task ToMembersAsync(Guid roomId, string eventName, object payload, CancellationToken cancellationToken, Guid? also = null)
    {
        try
        {
            // Guids are formatted here, not in SQL: SQLite keeps them as upper-case text, SignalR user ids are lower-case.
            var members = (await db.RoomMembers.AsNoTracking()
                    .Where(m => m.RoomId == roomId)
                    .Select(m => m.UserId)
                    .ToListAsync(cancellationToken))
                .Select(id => id.ToString())
                .ToList();
            if (also is { } extra && !members.Contains(extra.ToString()))
            {
                members.Add(extra.ToString());
            }

            await hub.Clients.Users(members).SendAsync(eventName, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not send {Event} for room {RoomId}; clients will catch up from history", eventName, roomId);
        }
    }
}
