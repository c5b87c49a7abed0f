namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// Hands out a room's sequence numbers. The increment is one UPDATE on the room row, so it takes the row lock until the
/// surrounding transaction ends: concurrent changes of one room are numbered one after another with no gaps, and a
/// rolled-back change gives its number back. Only a new message counts as activity (moves the room up the list).
/// </summary>
internal static class RoomSequence
{
    public static async Task<long> NextAsync(ChatDbContext db, Guid roomId, DateTime now, Guid? lastMessageId, CancellationToken cancellationToken)
    {
        var updated = lastMessageId is null
            ? await db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSeq, r => r.LastSeq + 1), cancellationToken)
            : await db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LastSeq, r => r.LastSeq + 1).SetProperty(r => r.LastActivityAt, now).SetProperty(r => r.LastMessageId, lastMessageId),
                cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Room {roomId} does not exist.");
        }

        return await db.Rooms.Where(r => r.Id == roomId).Select(r => r.LastSeq).SingleAsync(cancellationToken);
    }
}
