using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Rings the doorbell after a change is committed: the database is the truth, a lost event is recovered by the client
/// from history (every event carries the room sequence number, so a gap is visible). Failing to notify never fails the
/// change. Numbered room events go through the <see cref="RoomBus"/>, which keeps each room's events in order across nodes.
/// </summary>
internal sealed class ChatNotifier(IHubContext<ChatHub> hub, RoomBus bus, ChatDbContext db, ILogger<ChatNotifier> logger)
{
    public Task MessageUpdatedAsync(MessageUpdatedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, change.Seq, change.Seq, ChatEvents.MessageUpdated, change, cancellationToken);

    /// <summary>To the members and to the person concerned (who, having left, is no longer a member).</summary>
    public Task MembershipChangedAsync(MembershipChangedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, change.Seq, change.Seq, ChatEvents.MembershipChanged, change, cancellationToken, also: change.UserId);

    public Task RoomChangedAsync(RoomChangedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, change.Seq, change.Seq, ChatEvents.RoomChanged, change, cancellationToken);

    public Task ReactionChangedAsync(ReactionChangedEvent change, CancellationToken cancellationToken) =>
        ToMembersAsync(change.RoomId, change.Seq, change.Seq, ChatEvents.ReactionChanged, change, cancellationToken);

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
        ToMembersAsync(change.RoomId, 0, 0, ChatEvents.ReadPositionChanged, change, cancellationToken);

    /// <summary>A new room: its creation and first joins are numbers 1 to <paramref name="seq"/>.</summary>
    public Task RoomCreatedAsync(Guid roomId, long seq, CancellationToken cancellationToken) =>
        ToMembersAsync(roomId, 1, seq, ChatEvents.RoomCreated, new RoomCreatedEvent(roomId, seq), cancellationToken);

    private async Task ToMembersAsync(Guid roomId, long firstSeq, long lastSeq, string eventName, object payload, CancellationToken cancellationToken, Guid? also = null)
    {
        try
        {
            var members = await db.RoomMembers.AsNoTracking()
                .Where(m => m.RoomId == roomId)
                .Select(m => m.UserId)
                .ToListAsync(cancellationToken);
            if (also is { } extra && !members.Contains(extra))
            {
                members.Add(extra);
            }

            bus.Publish([RoomFrame.Of(roomId, firstSeq, lastSeq, members, eventName, payload)]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not send {Event} for room {RoomId}; clients will catch up from history", eventName, roomId);
        }
    }
}
