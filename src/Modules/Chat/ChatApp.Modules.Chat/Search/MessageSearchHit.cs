namespace ChatApp.Modules.Chat.Search;

/// <summary>A message that contains the query: where it is (room, sequence), who sent it and when, and a marked snippet.</summary>
internal sealed record MessageSearchHit(
    Guid RoomId, long Seq, Guid MessageId, Guid SenderId, DateTime CreatedAt, DateTime? EditedAt, string Snippet, IReadOnlyList<SnippetHighlight> Highlights);
