namespace ChatApp.Modules.Chat.Search;

/// <summary>A range of a snippet's text that matched the query, in UTF-16 code units (JavaScript and .NET string indexes).</summary>
internal sealed record SnippetHighlight(int Start, int Length);
