namespace ChatApp.Modules.Chat.Domain;

/// <summary>
/// A message's row in the search index (one per message with text; none for deleted ones): its text folded
/// (<see cref="ChatApp.BuildingBlocks.Text.SearchFolding"/>) and the bigrams of that text as words a FULLTEXT index takes
/// (<see cref="Search.MessageSearchText"/>). Written in the transaction that writes the message.
/// </summary>
internal sealed class MessageSearchEntry
{
    public Guid MessageId { get; set; }

    public Guid RoomId { get; set; }

    public Guid SenderId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The folded text, for the exact (substring) check and the snippet position.</summary>
    public string Folded { get; set; } = "";

    /// <summary>The distinct bigrams of the folded words, each encoded as one ASCII word (see <see cref="Search.MessageSearchText"/>).</summary>
    public string Grams { get; set; } = "";
}
