using System.Text;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Moves several members' read positions forward in one round trip (never backwards).</summary>
internal static class ReadPositions
{
    public static async Task AdvanceAsync(ChatDbContext db, IEnumerable<(Guid RoomId, Guid UserId, long Seq)> positions, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(RoomMember))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var readSeq = Column(nameof(RoomMember.ReadSeq));
        var roomId = Column(nameof(RoomMember.RoomId));
        var userId = Column(nameof(RoomMember.UserId));

        // One statement per member; the values travel as parameters typed by the provider's own mappings.
        var text = new StringBuilder();
        var parameters = new List<object>();
        foreach (var (room, user, seq) in positions)
        {
            var p = parameters.Count;
            text.Append($"UPDATE {tableName} SET {readSeq} = {{{p}}} WHERE {roomId} = {{{p + 1}}} AND {userId} = {{{p + 2}}} AND {readSeq} < {{{p}}};\n");
            parameters.AddRange([seq, room, user]);
        }

        if (parameters.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
        }
    }
}
