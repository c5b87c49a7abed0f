using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// Stores a change of a group room (a role, the name, topic or picture) as a room event with the room's next sequence
/// number (inside the command's transaction), and returns what the members are told once it is committed.
/// </summary>
internal static class RoomChanges
{
    public static async Task<RoomChangedEvent> RecordAsync(
        ChatDbContext db, Guid roomId, string kind, Guid userId, MemberRole? role, DateTime now, CancellationToken cancellationToken)
    {
        var seq = await RoomSequence.NextAsync(db, roomId, now, lastMessageId: null, cancellationToken);
        var roleName = role is { } r ? RoomRoles.NameOf(r) : null;
        db.RoomEvents.Add(new RoomEvent { RoomId = roomId, Seq = seq, Kind = kind, UserId = userId, Detail = roleName, OccurredAt = now });
        return new RoomChangedEvent(roomId, seq, kind, userId, roleName);
    }
}
