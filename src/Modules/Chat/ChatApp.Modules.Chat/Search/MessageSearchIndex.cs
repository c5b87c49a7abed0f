namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// Keeps <see cref="MessageSearchEntry"/> rows in step with messages, always inside the transaction that changes the
/// message: the send batch inserts them with its messages, an edit replaces the row, a delete (or an account's erasure)
/// removes it.
/// </summary>
internal static class MessageSearchIndex
{
    /// <summary>The row of a message, or null when its text has nothing a search could find (no word of two characters).</summary>
    public static MessageSearchEntry? EntryFor(Message message)
    {
        if (message.DeletedAt is not null)
        {
            return null;
        }

        var folded = SearchFolding.Fold(message.Text);
        var grams = MessageSearchText.Terms(folded);
        return grams.Length == 0
            ? null
            : new MessageSearchEntry
            {
                MessageId = message.Id, RoomId = message.RoomId, SenderId = message.SenderId, CreatedAt = message.CreatedAt, Folded = folded, Grams = grams,
            };
    }

    /// <summary>After an edit: the row is written again from the new text (saved with the unit of work).</summary>
    public static async Task ReplaceAsync(ChatDbContext db, Message message, CancellationToken cancellationToken)
    {
        await RemoveAsync(db, [message.Id], cancellationToken);
        if (EntryFor(message) is { } entry)
        {
            db.MessageSearch.Add(entry);
        }
    }

    public static Task RemoveAsync(ChatDbContext db, IReadOnlyCollection<Guid> messageIds, CancellationToken cancellationToken) =>
        messageIds.Count == 0 ? Task.CompletedTask : db.MessageSearch.Where(e => messageIds.Contains(e.MessageId)).ExecuteDeleteAsync(cancellationToken);
}
