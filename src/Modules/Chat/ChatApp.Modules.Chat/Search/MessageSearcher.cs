using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Finds messages whose folded text contains a folded query, in the rooms the person is a member of (or one of them),
/// never from people they blocked or who blocked them, newest first by (created, message id). On MySQL/MariaDB the
/// FULLTEXT index of bigrams (<see cref="MessageSearchText"/>) gives the candidates and <c>LIKE</c> on the folded text
/// keeps the exact ones; on SQLite (the embedded default, small installations) the folded text is scanned.
/// </summary>
internal static class MessageSearcher
{
    /// <summary>How many of my rooms' newest messages are looked at before the FULLTEXT index is asked.</summary>
    public const int RecentRows = 2000;

    public static async Task<MessageSearchPage> SearchAsync(
        ChatDbContext db, Guid userId, string folded, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after, int limit, CancellationToken cancellationToken)
    {
        // A common word fills a page from the newest messages of my rooms at once, while the FULLTEXT index would first
        // list every message of all rooms that has it; a rare one is not among them, and the index answers it.
        var entries = await FindAsync(db, userId, folded, roomId, after, limit, recentOnly: true, cancellationToken);
        if (entries.Count <= limit)
        {
            entries = await FindAsync(db, userId, folded, roomId, after, limit, recentOnly: false, cancellationToken);
        }

        var hasMore = entries.Count > limit;
        if (hasMore)
        {
            entries.RemoveAt(entries.Count - 1);
        }

        var ids = entries.Select(e => e.MessageId).ToList();
        var messages = await db.Messages.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && m.DeletedAt == null)
            .Select(m => new { m.Id, m.Seq, m.Text, m.EditedAt })
            .ToDictionaryAsync(m => m.Id, cancellationToken);
        var hits = new List<MessageSearchHit>(entries.Count);
        foreach (var entry in entries)
        {
            if (messages.TryGetValue(entry.MessageId, out var message))
            {
                var snippet = MessageSnippet.Of(message.Text, folded);
                hits.Add(new MessageSearchHit(entry.RoomId, message.Seq, entry.MessageId, entry.SenderId, entry.CreatedAt, message.EditedAt, snippet.Text, snippet.Highlights));
            }
        }

        var last = entries.LastOrDefault();
        return new MessageSearchPage(hits, hasMore && last is not null ? Cursor(last.CreatedAt, last.MessageId) : null);
    }

    /// <summary>An opaque cursor: the last result's time (ticks) and message id, base64url.</summary>
    public static string Cursor(DateTime createdAt, Guid messageId) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(createdAt.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + messageId.ToString("N")));

    /// <summary>The position a <see cref="Cursor"/> names, or null when it is not one.</summary>
    public static (DateTime CreatedAt, Guid MessageId)? ParseCursor(string cursor)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            return parts.Length == 2
                   && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                   && ticks <= DateTime.MaxValue.Ticks
                   && Guid.TryParseExact(parts[1], "N", out var id)
                ? (new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// One statement: the index rows that contain the query, in my rooms, from nobody blocked either way, older than the
    /// cursor, newest first, one more than the page (to tell whether more follow).
    /// </summary>
    private static async Task<List<MessageSearchEntry>> FindAsync(
        ChatDbContext db, Guid userId, string folded, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after, int limit, bool recentOnly,
        CancellationToken cancellationToken)
    {
        await using var sql = new SqlBatch<MessageSearchEntry>(db);
        await using var members = new SqlBatch<RoomMember>(db);
        await using var blocks = new SqlBatch<Block>(db);
        var me = sql.Value(nameof(MessageSearchEntry.SenderId), userId);
        string Col(string property) => sql.Table + "." + sql.Column(property);
        var roomCol = Col(nameof(MessageSearchEntry.RoomId));
        var senderCol = Col(nameof(MessageSearchEntry.SenderId));
        var createdCol = Col(nameof(MessageSearchEntry.CreatedAt));
        var idCol = Col(nameof(MessageSearchEntry.MessageId));
        var blocker = blocks.Table + "." + blocks.Column(nameof(Block.BlockerId));
        var blocked = blocks.Table + "." + blocks.Column(nameof(Block.BlockedId));

        sql.Text.Append($"EXISTS (SELECT 1 FROM {members.Table} WHERE {members.Table}.{members.Column(nameof(RoomMember.RoomId))} = {roomCol}")
            .Append($" AND {members.Table}.{members.Column(nameof(RoomMember.UserId))} = {me})");
        sql.Text.Append($" AND NOT EXISTS (SELECT 1 FROM {blocks.Table} WHERE ({blocker} = {me} AND {blocked} = {senderCol})")
            .Append($" OR ({blocker} = {senderCol} AND {blocked} = {me}))");
        if (recentOnly)
        {
            // Only the newest RecentRows index rows of my rooms (after the cursor): read from the (RoomId, CreatedAt) index.
            var recent = new System.Text.StringBuilder()
                .Append($" AND {idCol} IN (SELECT recent.id FROM (SELECT r.{sql.Column(nameof(MessageSearchEntry.MessageId))} AS id")
                .Append($" FROM {members.Table} m JOIN {sql.Table} r ON r.{sql.Column(nameof(MessageSearchEntry.RoomId))} = m.{members.Column(nameof(RoomMember.RoomId))}")
                .Append($" WHERE m.{members.Column(nameof(RoomMember.UserId))} = {me}");
            if (roomId is { } onlyRoom)
            {
                recent.Append($" AND m.{members.Column(nameof(RoomMember.RoomId))} = {sql.Value(nameof(MessageSearchEntry.RoomId), onlyRoom)}");
            }

            if (after is { } position)
            {
                var rc = "r." + sql.Column(nameof(MessageSearchEntry.CreatedAt));
                recent.Append($" AND ({rc} < {sql.Value(nameof(MessageSearchEntry.CreatedAt), position.CreatedAt)} OR ({rc} = {sql.Value(nameof(MessageSearchEntry.CreatedAt), position.CreatedAt)}")
                    .Append($" AND r.{sql.Column(nameof(MessageSearchEntry.MessageId))} < {sql.Value(nameof(MessageSearchEntry.MessageId), position.MessageId)}))");
            }

            recent.Append($" ORDER BY r.{sql.Column(nameof(MessageSearchEntry.CreatedAt))} DESC, r.{sql.Column(nameof(MessageSearchEntry.MessageId))} DESC")
                .Append($" LIMIT {RecentRows.ToString(CultureInfo.InvariantCulture)}) recent)");
            sql.Text.Append(recent);
        }
        else if (db.Database.IsMySql())
        {
            var against = sql.Value(nameof(MessageSearchEntry.Grams), MessageSearchText.BooleanQuery(folded));
            sql.Text.Append($" AND MATCH({Col(nameof(MessageSearchEntry.Grams))}) AGAINST ({against} IN BOOLEAN MODE)");
        }

        sql.Text.Append($" AND {Col(nameof(MessageSearchEntry.Folded))} LIKE {sql.Value(nameof(MessageSearchEntry.Folded), MessageSearchText.ContainsPattern(folded))} ESCAPE '!'");
        if (roomId is { } room)
        {
            sql.Text.Append($" AND {roomCol} = {sql.Value(nameof(MessageSearchEntry.RoomId), room)}");
        }

        if (after is { } cursor)
        {
            var at = sql.Value(nameof(MessageSearchEntry.CreatedAt), cursor.CreatedAt);
            sql.Text.Append($" AND ({createdCol} < {at} OR ({createdCol} = {sql.Value(nameof(MessageSearchEntry.CreatedAt), cursor.CreatedAt)}")
                .Append($" AND {idCol} < {sql.Value(nameof(MessageSearchEntry.MessageId), cursor.MessageId)}))");
        }

        sql.Text.Append($" ORDER BY {createdCol} DESC, {idCol} DESC LIMIT {(limit + 1).ToString(CultureInfo.InvariantCulture)}");
        return await sql.Where().ToListAsync(cancellationToken);
    }
}
