using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// Hands out a room's sequence numbers. The increment is one UPDATE on the room row, so it takes the row lock until the
/// surrounding transaction ends: concurrent changes of one room are numbered one after another with no gaps, and a
/// rolled-back change gives its numbers back. Only a new message counts as activity (moves the room up the list).
/// </summary>
internal static class RoomSequence
{
    /// <summary>Takes the room's next number (inside a transaction).</summary>
    public static async Task<long> NextAsync(ChatDbContext db, Guid roomId, DateTime now, Guid? lastMessageId, CancellationToken cancellationToken)
    {
        await AdvanceAsync(db, roomId, 1, now, lastMessageId, cancellationToken);
        return (await LastAsync(db, [roomId], cancellationToken))[roomId];
    }

    /// <summary>
    /// Takes the room row's lock without taking a number (inside a transaction): changes that may turn out to change
    /// nothing decide after this, and take a number only when they do.
    /// </summary>
    public static async Task LockAsync(ChatDbContext db, Guid roomId, CancellationToken cancellationToken)
    {
        var locked = await db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSeq, r => r.LastSeq), cancellationToken);
        if (locked != 1)
        {
            throw new InvalidOperationException($"Room {roomId} does not exist.");
        }
    }

    /// <summary>Reserves the room's next <paramref name="count"/> numbers (inside a transaction); <see cref="LastAsync"/> then tells where they end.</summary>
    public static async Task AdvanceAsync(ChatDbContext db, Guid roomId, int count, DateTime now, Guid? lastMessageId, CancellationToken cancellationToken)
    {
        var updated = lastMessageId is null
            ? await db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSeq, r => r.LastSeq + count), cancellationToken)
            : await db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(
                s => s.SetProperty(r => r.LastSeq, r => r.LastSeq + count).SetProperty(r => r.LastActivityAt, now).SetProperty(r => r.LastMessageId, lastMessageId),
                cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"Room {roomId} does not exist.");
        }
    }

    /// <summary>
    /// Reserves numbers in several rooms with one round trip (inside a transaction): each room's count, activity time and
    /// newest message. The rooms are locked in the order given; callers order them by id so that two batches sharing
    /// rooms cannot deadlock. <see cref="LastAsync"/> then tells where each room's numbers end.
    /// </summary>
    public static async Task AdvanceManyAsync(
        ChatDbContext db, IEnumerable<(Guid RoomId, int Count, Guid LastMessageId)> rooms, DateTime now, CancellationToken cancellationToken)
    {
        await using var sql = new SqlBatch<Room>(db);
        var lastSeq = sql.Column(nameof(Room.LastSeq));
        var expected = 0;
        foreach (var (roomId, count, lastMessageId) in rooms)
        {
            sql.Text.Append($"UPDATE {sql.Table} SET {lastSeq} = {lastSeq} + {sql.Value(nameof(Room.LastSeq), (long)count)}, ")
                .Append($"{sql.Column(nameof(Room.LastActivityAt))} = {sql.Value(nameof(Room.LastActivityAt), now)}, ")
                .Append($"{sql.Column(nameof(Room.LastMessageId))} = {sql.Value(nameof(Room.LastMessageId), lastMessageId)} ")
                .Append($"WHERE {sql.Column(nameof(Room.Id))} = {sql.Value(nameof(Room.Id), roomId)};\n");
            expected++;
        }

        var updated = await sql.ExecuteAsync(cancellationToken);
        if (updated != expected)
        {
            throw new InvalidOperationException($"{expected - updated} of the rooms do not exist.");
        }
    }

    public static Task<Dictionary<Guid, long>> LastAsync(ChatDbContext db, IReadOnlyCollection<Guid> roomIds, CancellationToken cancellationToken) =>
        db.Rooms.AsNoTracking().Where(r => roomIds.Contains(r.Id)).Select(r => new { r.Id, r.LastSeq }).ToDictionaryAsync(r => r.Id, r => r.LastSeq, cancellationToken);
}
