namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Who belongs to a room.</summary>
internal static class Membership
{
    public static Task<bool> IsMemberAsync(this ChatDbContext db, Guid roomId, Guid userId, CancellationToken cancellationToken) =>
        db.RoomMembers.AnyAsync(m => m.RoomId == roomId && m.UserId == userId, cancellationToken);
}
