namespace ChatApp.Modules.Chat.Search;

/// <summary>Results newest first; <c>nextCursor</c> asks for the next (older) page, null at the end.</summary>
internal sealed record MessageSearchPage(IReadOnlyList<MessageSearchHit> Results, string? NextCursor);
