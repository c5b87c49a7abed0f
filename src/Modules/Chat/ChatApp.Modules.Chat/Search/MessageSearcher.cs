using System.Buffers.Text;
using System.Globalization;
using System.Text;
using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Finds messages whose folded text contains a folded query, in the rooms the person is a member of (or one of them),
/// never from people they blocked or who blocked them, never deleted ones, newest first by (created, message id). Reads
/// only my rooms' <see cref="MessageSearchBlock"/>s, newest first by their last message: each chunk's Bloom filters are
/// tested here, the candidate blocks' messages fetched in one statement by (room, sequence range) and checked exactly.
/// The cost is bounded by my rooms' size (and by the block budget), never by the whole corpus. The same statements run
/// on MySQL, MariaDB and SQLite.
/// </summary>
internal static class MessageSearcher
{
    /// <summary>Blocks tested in the first chunk; each following chunk is <see cref="ChunkGrowth"/> times larger.</summary>
    public const int FirstChunk = 8;
    public const int ChunkGrowth = 8;

    /// <summary>
    /// One page, bounded in cost: at most <paramref name="blockBudget"/> blocks' filters are tested (more only when a
    /// page would otherwise not move past its own cursor). When the budget ends before the page is full, the page holds
    /// the matches that are final and its cursor continues just below the blocks read: pages may be short (or empty),
    /// but none skips or repeats a result.
    /// </summary>
    public static async Task<MessageSearchPage> SearchAsync(
        ChatDbContext db, Guid userId, string folded, Guid? roomId, (DateTime CreatedAt, Guid MessageId)? after, int limit, int blockBudget,
        CancellationToken cancellationToken)
    {
        List<Guid> rooms = roomId is { } onlyRoom
            ? [onlyRoom]
            : await db.RoomMembers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.RoomId).ToListAsync(cancellationToken);
        if (rooms.Count == 0)
        {
            return new MessageSearchPage([], null);
        }

        var blocked = (await db.Blocks.AsNoTracking()
            .Where(b => b.BlockerId == userId || b.BlockedId == userId)
            .Select(b => b.BlockerId == userId ? b.BlockedId : b.BlockerId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var hashes = MessageSearchText.QueryTerms(folded).Select(SearchBloom.Hash).ToList();

        // The blocks' keys and times only (from the (RoomId, LastAt, FirstAt) index): those that may hold a message older
        // than the cursor, newest first. One more than can be read: it bounds the frontier when the list is cut.
        var budget = Math.Max(1, blockBudget);
        var take = budget + (2 * rooms.Count) + 1;
        var before = after?.CreatedAt;
        var headers = await db.MessageSearchBlocks.AsNoTracking()
            .Where(b => rooms.Contains(b.RoomId) && (before == null || b.FirstAt <= before))
            .OrderByDescending(b => b.LastAt)
            .Select(b => new BlockKey(b.RoomId, b.Block, b.LastAt))
            .Take(take)
            .ToListAsync(cancellationToken);
        var readable = headers.Count == take ? headers.Count - 1 : headers.Count;

        var matches = new List<Message>();
        var read = 0;
        var chunk = FirstChunk;
        DateTime? frontier = readable < headers.Count ? headers[readable].LastAt : null;
        while (read < readable)
        {
            // Within the budget a chunk ends at it (so a cut page stops there); past it (no progress yet) chunks go on.
            var size = Math.Min(chunk, readable - read);
            size = read < budget ? Math.Min(size, budget - read) : size;
            var keys = headers.GetRange(read, size);
            read += keys.Count;
            chunk *= ChunkGrowth;
            frontier = read < headers.Count ? headers[read].LastAt : null;
            var candidates = (await ReadFiltersAsync(db, keys, cancellationToken))
                .Where(b => SearchBloom.MayContainAll(SearchBloom.Normalize(b.Bits), hashes))
                .ToList();
            foreach (var message in await ReadMessagesAsync(db, candidates, cancellationToken))
            {
                if (SearchFrontier.IsAfter((message.CreatedAt, message.Id), after)
                    && !blocked.Contains(message.SenderId)
                    && MessageSearchText.Matches(SearchFolding.Fold(message.Text), folded))
                {
                    matches.Add(message);
                }
            }

            if (SearchFrontier.FinalCount(matches, m => m.CreatedAt, frontier) > limit)
            {
                break;
            }

            if (frontier is { } f && read >= budget && SearchFrontier.BudgetStopProgresses(f, after))
            {
                break;
            }
        }

        var (page, next) = SearchFrontier.Page(matches, m => (m.CreatedAt, m.Id), frontier, limit);
        var hits = page.Select(m =>
        {
            var snippet = MessageSnippet.Of(m.Text, folded);
            return new MessageSearchHit(m.RoomId, m.Seq, m.Id, m.SenderId, m.CreatedAt, m.EditedAt, snippet.Text, snippet.Highlights);
        }).ToList();
        return new MessageSearchPage(hits, next is { } n ? Cursor(n.CreatedAt, n.MessageId) : null);
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

    /// <summary>The filters of the given blocks, one statement (point lookups by primary key).</summary>
    private static async Task<List<MessageSearchBlock>> ReadFiltersAsync(ChatDbContext db, List<BlockKey> keys, CancellationToken cancellationToken)
    {
        await using var sql = new SqlBatch<MessageSearchBlock>(db);
        KeyLookups.Append(sql, keys, null, (sql, key) => sql.Text
            .Append($"{sql.Column(nameof(MessageSearchBlock.RoomId))} = {sql.Value(nameof(MessageSearchBlock.RoomId), key.RoomId)} ")
            .Append($"AND {sql.Column(nameof(MessageSearchBlock.Block))} = {sql.Value(nameof(MessageSearchBlock.Block), key.Block)}"));
        return await sql.Where().ToListAsync(cancellationToken);
    }

    /// <summary>The messages (not deleted) of the candidate blocks, one statement of (room, sequence range) lookups on the (RoomId, Seq) index.</summary>
    private static async Task<List<Message>> ReadMessagesAsync(ChatDbContext db, List<MessageSearchBlock> blocks, CancellationToken cancellationToken)
    {
        if (blocks.Count == 0)
        {
            return [];
        }

        await using var sql = new SqlBatch<Message>(db);
        var room = sql.Column(nameof(Message.RoomId));
        var seq = sql.Column(nameof(Message.Seq));
        KeyLookups.Append(sql, blocks, $"{sql.Column(nameof(Message.DeletedAt))} IS NULL", (sql, block) =>
        {
            var from = block.Block * MessageSearchBlock.Size;
            sql.Text.Append($"{room} = {sql.Value(nameof(Message.RoomId), block.RoomId)} AND {seq} >= {sql.Value(nameof(Message.Seq), from)} ")
                .Append($"AND {seq} < {sql.Value(nameof(Message.Seq), from + MessageSearchBlock.Size)}");
        });
        return await sql.Where().ToListAsync(cancellationToken);
    }

    private sealed record BlockKey(Guid RoomId, long Block, DateTime LastAt);
}
