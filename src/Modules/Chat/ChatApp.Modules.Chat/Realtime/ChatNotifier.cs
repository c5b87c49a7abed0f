using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

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
