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

/// <summary>Who belongs to a room.</summary>
internal static class Membership
{
    public static Task<bool> IsMemberAsync(this ChatDbContext db, Guid roomId, Guid userId, CancellationToken cancellationToken) =>
        db.RoomMembers.AnyAsync(m => m.RoomId == roomId && m.UserId == userId, cancellationToken);
}

/// <summary>Blocks as they affect messaging between two people.</summary>
internal static class Blocks
{
    public static Task<bool> BetweenAsync(ChatDbContext db, Guid a, Guid b, CancellationToken cancellationToken) =>
        db.Blocks.AnyAsync(x => (x.BlockerId == a && x.BlockedId == b) || (x.BlockerId == b && x.BlockedId == a), cancellationToken);
}
