namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Adds a new room with its members; each member's joining is a room event with its own sequence number.</summary>
internal static class RoomCreation
{
    public static void AddMembers(ChatDbContext db, Room room, IReadOnlyList<Guid> memberIds, Guid? ownerId, DateTime now)
    {
        db.Rooms.Add(room);
        foreach (var userId in memberIds)
        {
            room.LastSeq++;
            room.Members.Add(new RoomMember
            {
                RoomId = room.Id,
                UserId = userId,
                Role = userId == ownerId ? MemberRole.Owner : MemberRole.Member,
                JoinedAt = now,
            });
            db.RoomEvents.Add(new RoomEvent { RoomId = room.Id, Seq = room.LastSeq, Kind = RoomEventKinds.MemberJoined, UserId = userId, OccurredAt = now });
        }

        // A new member has nothing unread: everyone starts at the room's last sequence.
        foreach (var member in room.Members)
        {
            member.ReadSeq = room.LastSeq;
        }
    }
}
