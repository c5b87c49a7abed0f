namespace ChatApp.Modules.Moderation.Paging;

/// <summary>One page of a keyset walk: the rows in the list's order, and whether more rows lie beyond in the walk's direction.</summary>
internal sealed record KeysetPage<T>(IReadOnlyList<T> Rows, bool More);
