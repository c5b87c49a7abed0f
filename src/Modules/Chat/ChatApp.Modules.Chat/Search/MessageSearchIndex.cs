using ChatApp.BuildingBlocks.Persistence;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Keeps the <see cref="MessageSearchBlock"/> rows in step with messages, always inside the transaction that writes the
/// messages and under their rooms' row locks (the send batch's <c>RoomSequence.AdvanceManyAsync</c>, an edit's
/// <c>RoomSequence.NextAsync</c>, the backfill's <c>RoomSequence.LockAsync</c>), so no two writers merge one block at
/// once. A send or an edit ORs the text's terms into its block's filter and widens the block's time span: one statement
/// reads the touched blocks, one writes them. Deletes and erasure change nothing here: a filter may say "maybe" for a
/// message that is gone, and the exact check over the messages (not deleted, text contains the query) drops it.
/// </summary>
internal static class MessageSearchIndex
{
    /// <summary>The block a message belongs to.</summary>
    public static long BlockOf(long seq) => seq / MessageSearchBlock.Size;

    /// <summary>Adds the messages' terms to their blocks (their rooms must be locked by the caller's transaction).</summary>
    public static async Task AddAsync(ChatDbContext db, IReadOnlyCollection<Message> messages, CancellationToken cancellationToken)
    {
        var touched = Summarize(messages);
        if (touched.Count == 0)
        {
            return;
        }

        var existing = await ReadAsync(db, touched.Keys, cancellationToken);
        await using var write = new SqlBatch<MessageSearchBlock>(db);
        var inserts = new List<MessageSearchBlock>();
        foreach (var block in touched.Values)
        {
            if (!existing.TryGetValue((block.RoomId, block.Block), out var stored))
            {
                inserts.Add(block);
                continue;
            }

            var bits = SearchBloom.Normalize(stored.Bits);
            SearchBloom.Or(bits, block.Bits);
            var firstAt = block.FirstAt < stored.FirstAt ? block.FirstAt : stored.FirstAt;
            var lastAt = block.LastAt > stored.LastAt ? block.LastAt : stored.LastAt;
            write.Text.Append($"UPDATE {write.Table} SET {write.Column(nameof(MessageSearchBlock.Bits))} = {write.Value(nameof(MessageSearchBlock.Bits), bits)}, ")
                .Append($"{write.Column(nameof(MessageSearchBlock.FirstAt))} = {write.Value(nameof(MessageSearchBlock.FirstAt), firstAt)}, ")
                .Append($"{write.Column(nameof(MessageSearchBlock.LastAt))} = {write.Value(nameof(MessageSearchBlock.LastAt), lastAt)} ")
                .Append($"WHERE {write.Column(nameof(MessageSearchBlock.RoomId))} = {write.Value(nameof(MessageSearchBlock.RoomId), block.RoomId)} ")
                .Append($"AND {write.Column(nameof(MessageSearchBlock.Block))} = {write.Value(nameof(MessageSearchBlock.Block), block.Block)};\n");
        }

        if (inserts.Count > 0)
        {
            var columns = write.Properties;
            write.Text.Append($"INSERT INTO {write.Table} (").AppendJoin(", ", columns.Select(write.Column)).Append(") VALUES ");
            for (var i = 0; i < inserts.Count; i++)
            {
                var row = inserts[i];
                write.Text.Append(i == 0 ? "(" : ", (").AppendJoin(", ", columns.Select(c => write.Value(c, c.PropertyInfo!.GetValue(row)))).Append(')');
            }

            write.Text.Append(";\n");
        }

        await write.ExecuteAsync(cancellationToken);
    }

    /// <summary>The messages' blocks as new rows: their terms' filter and the span of their sending times (messages without a term are left out).</summary>
    public static Dictionary<(Guid RoomId, long Block), MessageSearchBlock> Summarize(IEnumerable<Message> messages)
    {
        var blocks = new Dictionary<(Guid RoomId, long Block), MessageSearchBlock>();
        foreach (var message in messages)
        {
            if (message.DeletedAt is not null)
            {
                continue;
            }

            var terms = MessageSearchText.IndexTerms(SearchFolding.Fold(message.Text));
            if (terms.Count == 0)
            {
                continue;
            }

            var key = (message.RoomId, BlockOf(message.Seq));
            if (!blocks.TryGetValue(key, out var block))
            {
                block = new MessageSearchBlock
                {
                    RoomId = message.RoomId, Block = key.Item2, FirstAt = message.CreatedAt, LastAt = message.CreatedAt, Bits = SearchBloom.New(),
                };
                blocks.Add(key, block);
            }

            block.FirstAt = message.CreatedAt < block.FirstAt ? message.CreatedAt : block.FirstAt;
            block.LastAt = message.CreatedAt > block.LastAt ? message.CreatedAt : block.LastAt;
            foreach (var term in terms)
            {
                SearchBloom.Add(block.Bits, term);
            }
        }

        return blocks;
    }

    private static async Task<Dictionary<(Guid RoomId, long Block), MessageSearchBlock>> ReadAsync(
        ChatDbContext db, ICollection<(Guid RoomId, long Block)> keys, CancellationToken cancellationToken)
    {
        await using var read = new SqlBatch<MessageSearchBlock>(db);
        KeyLookups.Append(read, keys.ToList(), null, (sql, key) => sql.Text
            .Append($"{sql.Column(nameof(MessageSearchBlock.RoomId))} = {sql.Value(nameof(MessageSearchBlock.RoomId), key.RoomId)} ")
            .Append($"AND {sql.Column(nameof(MessageSearchBlock.Block))} = {sql.Value(nameof(MessageSearchBlock.Block), key.Block)}"));
        return await read.Where().ToDictionaryAsync(b => (b.RoomId, b.Block), cancellationToken);
    }
}
