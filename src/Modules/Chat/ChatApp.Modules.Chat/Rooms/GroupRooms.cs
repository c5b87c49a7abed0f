namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Group rooms as their members manage them.</summary>
internal static class GroupRooms
{
    /// <summary>The room's owner and the caller's role in it.</summary>
    public sealed record GroupRoom(Guid? OwnerId, MemberRole MyRole);

    /// <summary>A group room I am a member of (a non-member learns nothing; a direct room has fixed members).</summary>
    public static async Task<Result<GroupRoom>> FindAsync(ChatDbContext db, Guid userId, Guid roomId, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.AsNoTracking()
            .Where(r => r.Id == roomId)
            .Select(r => new { r.Kind, r.OwnerId, Me = r.Members.Where(m => m.UserId == userId).Select(m => (MemberRole?)m.Role).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (room?.Me is not { } role)
        {
            return ChatErrors.RoomNotFound;
        }

        return room.Kind == RoomKind.Group ? new GroupRoom(room.OwnerId, role) : ChatErrors.NotAGroup;
    }

    /// <summary>As <see cref="FindAsync"/>, and the caller must be the owner or an admin.</summary>
    public static async Task<Result<GroupRoom>> FindManagedAsync(ChatDbContext db, Guid userId, Guid roomId, CancellationToken cancellationToken)
    {
        var room = await FindAsync(db, userId, roomId, cancellationToken);
        if (room.IsSuccess && !RoomRoles.Manages(room.Value.MyRole))
        {
            return ChatErrors.NotRoomAdmin;
        }

        return room;
    }

    /// <summary>
    /// As <see cref="FindManagedAsync"/>, decided under the room's lock (<see cref="RoomSequence.LockAsync"/>): the room
    /// is found, locked, and the caller's role read again, so a write never follows a role that was taken away meanwhile.
    /// </summary>
    public static async Task<Result<GroupRoom>> LockManagedAsync(ChatDbContext db, Guid userId, Guid roomId, CancellationToken cancellationToken)
    {
        var room = await FindAsync(db, userId, roomId, cancellationToken);
        if (!room.IsSuccess)
        {
            return room;
        }

        await RoomSequence.LockAsync(db, roomId, cancellationToken);
        return await FindManagedAsync(db, userId, roomId, cancellationToken);
    }
}
