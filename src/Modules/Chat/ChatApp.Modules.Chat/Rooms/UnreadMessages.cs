namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// The one rule of what a member has not read, shared by every unread count (room lists, sync, marking read, push
/// badges): messages of the room after the member's read position that are not their own and not deleted.
/// </summary>
internal static class UnreadMessages
{
    /// <summary>The unread messages of these memberships, one row per (member, message).</summary>
    public static IQueryable<UnreadMessage> Of(ChatDbContext db, IQueryable<RoomMember> memberships) =>
        from message in db.Messages.AsNoTracking()
        join membership in memberships on message.RoomId equals membership.RoomId
        where message.Seq > membership.ReadSeq && message.SenderId != membership.UserId && message.DeletedAt == null
        select new UnreadMessage { UserId = membership.UserId, RoomId = message.RoomId, MessageId = message.Id, Seq = message.Seq, SenderId = message.SenderId };

    /// <summary>
    /// The unread messages of one member in one room, by the same rule, as messages: newest first they are read by
    /// walking the (RoomId, Seq) index down from the end, so taking the newest few costs the same whatever the backlog.
    /// </summary>
    public static IQueryable<Message> InRoom(ChatDbContext db, Guid userId, Guid roomId, long readSeq) =>
        db.Messages.AsNoTracking().Where(m => m.RoomId == roomId && m.Seq > readSeq && m.SenderId != userId && m.DeletedAt == null);
}
