namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Group rooms as their members manage them.</summary>
internal static class GroupRooms
{
    public sealed record GroupRoom(Guid? OwnerId);

    /// <summary>A group room I am a member of (a non-member learns nothing; a direct room has fixed members).</summary>
    public static async Task<Result<GroupRoom>> FindAsync(ChatDbContext db, Guid userId, Guid roomId, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.AsNoTracking()
            .Where(r => r.Id == roomId && r.Members.Any(m => m.UserId == userId))
            .Select(r => new { r.Kind, r.OwnerId })
            .SingleOrDefaultAsync(cancellationToken);
        if (room is null)
        {
            return ChatErrors.RoomNotFound;
        }

        return room.Kind == RoomKind.Group ? new GroupRoom(room.OwnerId) : ChatErrors.NotAGroup;
    }
}
