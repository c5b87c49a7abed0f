using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.Persistence;
using MySqlConnector;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Finds messages whose folded text contains a folded query, in the rooms the person is a member of (or one of them),
/// never from people they blocked or who blocked them, newest first by (created, message id). On MySQL/MariaDB the
/// FULLTEXT index of bigrams (<see cref="MessageSearchText"/>) gives the candidates and <c>LIKE</c> on the folded text
/// keeps the exact ones; on SQLite (the embedded default, small installations) the folded text is scanned.
/// </summary>
internal static class MessageSearcher
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> MariaDbServers = new(StringComparer.Ordinal);

    /// <summary>MariaDB's "max_statement_time exceeded" (1969) and MySQL's "maximum statement execution time exceeded" (3024).</summary>
    private const int StatementTimeout = 1969;
    private const int MySqlStatementTimeout = 3024;

    /// <summary>InnoDB's HA_ERR_ABORTED_BY_USER: how MariaDB reports a FULLTEXT lookup that the time limit interrupted.</summary>
    private const int AbortedFullTextLookup = 188;

    /// <summary>
    /// One page, bounded in cost: at most <paramref name="scanRows"/> of my rooms' newest rows after the cursor, then (on
    /// MariaDB) the FULLTEXT statement for at most <paramref name="fullTextTimeLimit"/>. When that is cut off (a word so
    /// common that the index lists a large share of all messages) the page holds what the scanned rows gave, maybe fewer
    /// than <paramref name="limit"/> or none, and its cursor points just below the last scanned row, so the next page
    /// goes on from there: pages may be short, but none skips or repeats a result.
    /// </summary>
    public static async Task<MessageSearchPage> SearchAsync(
        ChatDbContext db, Guid userId, string folded, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after, int limit,
        int scanRows, TimeSpan fullTextTimeLimit, CancellationToken cancellationToken)
    {
        // A common word fills a page from the newest messages of my rooms at once, while the FULLTEXT index would first
        // list every message of all rooms that has it; a rare one is not among them, and the index answers it.
        var entries = await FindAsync(db, userId, folded, roomId, after, limit, Math.Max(1, scanRows), null, cancellationToken);
        (DateTime CreatedAt, Guid MessageId)? scannedTo = null;
        if (entries.Count <= limit)
        {
            var found = await FindAllAsync(db, userId, folded, roomId, after, limit, fullTextTimeLimit, cancellationToken);
            if (found is not null)
            {
                entries = found;
            }
            else
            {
                // Cut off: the scanned rows are all this page has; below the oldest of them the next page goes on (none
                // when the scan saw every row there is).
                scannedTo = await OldestScannedAsync(db, userId, roomId, after, Math.Max(1, scanRows), cancellationToken);
            }
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

        if (scannedTo is { } scanned)
        {
            return new MessageSearchPage(hits, Cursor(scanned.CreatedAt, scanned.MessageId));
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
    /// Every matching row after the cursor (the page and one more): on MariaDB through the FULLTEXT index, under the time
    /// limit; null when the limit cut it off or is zero. On SQLite the folded text of my rooms is scanned.
    /// </summary>
    private static async Task<List<MessageSearchEntry>?> FindAllAsync(
        ChatDbContext db, Guid userId, string folded, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after, int limit, TimeSpan timeLimit,
        CancellationToken cancellationToken)
    {
        if (!db.Database.IsMySql())
        {
            return await FindAsync(db, userId, folded, roomId, after, limit, null, null, cancellationToken);
        }

        // MySQL has no SET STATEMENT (and an unbounded FULLTEXT match of a common word costs seconds): there the bounded
        // scan with its continuing cursor answers alone.
        if (timeLimit <= TimeSpan.Zero || !await IsMariaDbAsync(db, cancellationToken))
        {
            return null;
        }

        try
        {
            return await FindAsync(db, userId, folded, roomId, after, limit, null, timeLimit, cancellationToken);
        }
        catch (MySqlException e) when (e.Number is StatementTimeout or MySqlStatementTimeout or AbortedFullTextLookup)
        {
            return null;
        }
    }

    /// <summary>Whether the server is MariaDB (its version string says so), once per connection string.</summary>
    private static async Task<bool> IsMariaDbAsync(ChatDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (MariaDbServers.TryGetValue(connection.ConnectionString, out var known))
        {
            return known;
        }

        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            var mariaDb = connection.ServerVersion.Contains("mariadb", StringComparison.OrdinalIgnoreCase);
            MariaDbServers[connection.ConnectionString] = mariaDb;
            return mariaDb;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>The oldest of the <paramref name="scanRows"/> rows the scan read, or null when it read every row after the cursor.</summary>
    private static async Task<(DateTime CreatedAt, Guid MessageId)?> OldestScannedAsync(
        ChatDbContext db, Guid userId, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after, int scanRows, CancellationToken cancellationToken)
    {
        await using var sql = new SqlBatch<MessageSearchEntry>(db);
        await using var members = new SqlBatch<RoomMember>(db);
        var me = sql.Value(nameof(MessageSearchEntry.SenderId), userId);
        sql.Text.Append($"{sql.Table}.{sql.Column(nameof(MessageSearchEntry.MessageId))} = (SELECT r.{sql.Column(nameof(MessageSearchEntry.MessageId))}");
        AppendMyRows(sql.Text, sql, members, me, roomId, after);
        sql.Text.Append($" LIMIT 1 OFFSET {(scanRows - 1).ToString(CultureInfo.InvariantCulture)})");
        var oldest = await sql.Where().Select(e => new { e.CreatedAt, e.MessageId }).ToListAsync(cancellationToken);
        return oldest.Count == 0 ? null : (oldest[0].CreatedAt, oldest[0].MessageId);
    }

    /// <summary>
    /// <c>FROM</c> my memberships joined to their rooms' index rows (of one room when given), older than the cursor,
    /// newest first: read from the (RoomId, CreatedAt) index.
    /// </summary>
    private static void AppendMyRows(
        StringBuilder text, SqlBatch<MessageSearchEntry> sql, SqlBatch<RoomMember> members, string me, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after)
    {
        text.Append($" FROM {members.Table} m JOIN {sql.Table} r ON r.{sql.Column(nameof(MessageSearchEntry.RoomId))} = m.{members.Column(nameof(RoomMember.RoomId))}")
            .Append($" WHERE m.{members.Column(nameof(RoomMember.UserId))} = {me}");
        if (roomId is { } onlyRoom)
        {
            text.Append($" AND m.{members.Column(nameof(RoomMember.RoomId))} = {sql.Value(nameof(MessageSearchEntry.RoomId), onlyRoom)}");
        }

        if (after is { } position)
        {
            var rc = "r." + sql.Column(nameof(MessageSearchEntry.CreatedAt));
            text.Append($" AND ({rc} < {sql.Value(nameof(MessageSearchEntry.CreatedAt), position.CreatedAt)} OR ({rc} = {sql.Value(nameof(MessageSearchEntry.CreatedAt), position.CreatedAt)}")
                .Append($" AND r.{sql.Column(nameof(MessageSearchEntry.MessageId))} < {sql.Value(nameof(MessageSearchEntry.MessageId), position.MessageId)}))");
        }

        text.Append($" ORDER BY r.{sql.Column(nameof(MessageSearchEntry.CreatedAt))} DESC, r.{sql.Column(nameof(MessageSearchEntry.MessageId))} DESC");
    }

    /// <summary>
    /// One statement: the index rows that contain the query, in my rooms, from nobody blocked either way, older than the
    /// cursor, newest first, one more than the page (to tell whether more follow). With <paramref name="recentRows"/>
    /// only among my rooms' newest rows; else through the FULLTEXT index on MySQL/MariaDB, under
    /// <paramref name="timeLimit"/> when given.
    /// </summary>
    private static async Task<List<MessageSearchEntry>> FindAsync(
        ChatDbContext db, Guid userId, string folded, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after, int limit, int? recentRows,
        TimeSpan? timeLimit, CancellationToken cancellationToken)
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
        if (recentRows is { } recent)
        {
            // Only the newest rows of my rooms (after the cursor); a derived table, since MariaDB takes no LIMIT in IN.
            var mine = new StringBuilder()
                .Append($" AND {idCol} IN (SELECT recent.id FROM (SELECT r.{sql.Column(nameof(MessageSearchEntry.MessageId))} AS id");
            AppendMyRows(mine, sql, members, me, roomId, after);
            mine.Append($" LIMIT {recent.ToString(CultureInfo.InvariantCulture)}) recent)");
            sql.Text.Append(mine);
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

        // MariaDB's per-statement limit, in seconds (a number, no parameter: it comes from configuration).
        var prefix = timeLimit is { } seconds && db.Database.IsMySql()
            ? "SET STATEMENT max_statement_time=" + seconds.TotalSeconds.ToString("0.######", CultureInfo.InvariantCulture) + " FOR "
            : "";
        return await sql.Where(prefix).ToListAsync(cancellationToken);
    }
}
