using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Chat.Rooms;
using ChatApp.Modules.Chat.Search;

namespace ChatApp.Modules.Chat.Features.SearchMessages;

internal sealed record SearchMessagesQuery(Guid UserId, string? Q, Guid? RoomId, string? Cursor, int Limit) : IQuery<Result<MessageSearchPage>>;

/// <summary>Results newest first; <c>nextCursor</c> asks for the next (older) page, null at the end.</summary>
internal sealed record MessageSearchPage(IReadOnlyList<MessageSearchHit> Results, string? NextCursor);

/// <summary>A message that contains the query: where it is (room, sequence), who sent it and when, and a marked snippet.</summary>
internal sealed record MessageSearchHit(
    Guid RoomId, long Seq, Guid MessageId, Guid SenderId, DateTime CreatedAt, DateTime? EditedAt, string Snippet, IReadOnlyList<SnippetHighlight> Highlights);

/// <summary>
/// Messages of the rooms I am a member of (or of one of them) whose text contains the query, folded
/// (<see cref="MessageSearchText"/>); never messages of people I blocked or who blocked me, never deleted ones. On
/// MySQL/MariaDB the FULLTEXT index of bigrams finds the candidates; on SQLite (the embedded default, small
/// installations) the folded text is scanned.
/// </summary>
internal sealed class SearchMessagesHandler(ChatDbContext db, RoomCards cards) : IQueryHandler<SearchMessagesQuery, Result<MessageSearchPage>>
{
    public const int MaxLimit = 50;

    public async ValueTask<Result<MessageSearchPage>> Handle(SearchMessagesQuery query, CancellationToken cancellationToken)
    {
        var folded = SearchFolding.Fold(query.Q);
        if (folded.Length == 0)
        {
            return SearchErrors.QueryRequired;
        }

        if ((query.Q ?? "").Length > MessageSearchText.MaxQueryLength)
        {
            return SearchErrors.QueryTooLong;
        }

        if (!MessageSearchText.HasGram(folded))
        {
            return SearchErrors.QueryTooShort;
        }

        if (query.Limit is < 1 or > MaxLimit)
        {
            return Error.Validation("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        (DateTime CreatedAt, Guid MessageId)? after = null;
        if (query.Cursor is not null)
        {
            if (ParseCursor(query.Cursor) is not { } cursor)
            {
                return SearchErrors.InvalidCursor;
            }

            after = cursor;
        }

        if (query.RoomId is { } roomId && (await cards.GetAsync(db, roomId, cancellationToken))?.HasMember(query.UserId) != true)
        {
            return ChatErrors.RoomNotFound;
        }

        var entries = await FindAsync(query, folded, after, cancellationToken);
        var hasMore = entries.Count > query.Limit;
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

    /// <summary>
    /// One statement: the index rows that contain the query, in my rooms, from nobody blocked either way, older than the
    /// cursor, newest first, one more than the page (to tell whether more follow).
    /// </summary>
    private async Task<List<MessageSearchEntry>> FindAsync(
        SearchMessagesQuery query, string folded, (DateTime CreatedAt, Guid MessageId)? after, CancellationToken cancellationToken)
    {
        await using var sql = new SqlBatch<MessageSearchEntry>(db);
        await using var members = new SqlBatch<RoomMember>(db);
        await using var blocks = new SqlBatch<Block>(db);
        var me = sql.Value(nameof(MessageSearchEntry.SenderId), query.UserId);
        string Col(string property) => sql.Table + "." + sql.Column(property);
        var roomCol = Col(nameof(MessageSearchEntry.RoomId));
        var senderCol = Col(nameof(MessageSearchEntry.SenderId));
        var createdCol = Col(nameof(MessageSearchEntry.CreatedAt));
        var idCol = Col(nameof(MessageSearchEntry.MessageId));
        var blocker = blocks.Column(nameof(Block.BlockerId));
        var blocked = blocks.Column(nameof(Block.BlockedId));

        sql.Text.Append($"EXISTS (SELECT 1 FROM {members.Table} WHERE {members.Table}.{members.Column(nameof(RoomMember.RoomId))} = {roomCol}")
            .Append($" AND {members.Table}.{members.Column(nameof(RoomMember.UserId))} = {me})");
        sql.Text.Append($" AND NOT EXISTS (SELECT 1 FROM {blocks.Table} WHERE ({blocks.Table}.{blocker} = {me} AND {blocks.Table}.{blocked} = {senderCol})")
            .Append($" OR ({blocks.Table}.{blocker} = {senderCol} AND {blocks.Table}.{blocked} = {me}))");
        if (db.Database.IsMySql())
        {
            sql.Text.Append($" AND MATCH({Col(nameof(MessageSearchEntry.Grams))}) AGAINST ({sql.Value(nameof(MessageSearchEntry.Grams), MessageSearchText.BooleanQuery(folded))} IN BOOLEAN MODE)");
        }

        sql.Text.Append($" AND {Col(nameof(MessageSearchEntry.Folded))} LIKE {sql.Value(nameof(MessageSearchEntry.Folded), MessageSearchText.ContainsPattern(folded))} ESCAPE '!'");
        if (query.RoomId is { } roomId)
        {
            sql.Text.Append($" AND {roomCol} = {sql.Value(nameof(MessageSearchEntry.RoomId), roomId)}");
        }

        if (after is { } cursor)
        {
            var at = sql.Value(nameof(MessageSearchEntry.CreatedAt), cursor.CreatedAt);
            sql.Text.Append($" AND ({createdCol} < {at} OR ({createdCol} = {sql.Value(nameof(MessageSearchEntry.CreatedAt), cursor.CreatedAt)}")
                .Append($" AND {idCol} < {sql.Value(nameof(MessageSearchEntry.MessageId), cursor.MessageId)}))");
        }

        sql.Text.Append($" ORDER BY {createdCol} DESC, {idCol} DESC LIMIT {(query.Limit + 1).ToString(CultureInfo.InvariantCulture)}");
        return await sql.Where().ToListAsync(cancellationToken);
    }

    /// <summary>An opaque cursor: the last result's time (ticks) and message id, base64url.</summary>
    private static string Cursor(DateTime createdAt, Guid messageId) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(createdAt.Ticks.ToString(CultureInfo.InvariantCulture) + ":" + messageId.ToString("N")));

    private static (DateTime, Guid)? ParseCursor(string cursor)
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
}
