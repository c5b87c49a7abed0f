using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Moves several members' read positions forward in one round trip (never backwards).</summary>
internal static class ReadPositions
{
    public static async Task AdvanceAsync(ChatDbContext db, IEnumerable<(Guid RoomId, Guid UserId, long Seq)> positions, CancellationToken cancellationToken)
    {
        await using var sql = new SqlBatch<RoomMember>(db);
        var readSeq = sql.Column(nameof(RoomMember.ReadSeq));
        var roomId = sql.Column(nameof(RoomMember.RoomId));
        var userId = sql.Column(nameof(RoomMember.UserId));
        foreach (var (room, user, seq) in positions)
        {
            var s = sql.Value(nameof(RoomMember.ReadSeq), seq);
            sql.Text.Append($"UPDATE {sql.Table} SET {readSeq} = {s} WHERE {roomId} = {sql.Value(nameof(RoomMember.RoomId), room)} AND {userId} = {sql.Value(nameof(RoomMember.UserId), user)} AND {readSeq} < {s};\n");
        }

        await sql.ExecuteAsync(cancellationToken);
    }
}
