namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// When a match is final, and where the next page starts (pure: the reading is done by <see cref="MessageSearcher"/>).
/// Blocks are read newest first by their last message's time (<c>LastAt</c>); the frontier is the <c>LastAt</c> of the
/// next block not read yet (null when every block has been read). A match at time t is final once every block with
/// <c>LastAt</c> ≥ t has been read, i.e. t &gt; frontier: no unread block can hold anything newer than it (ties
/// included, since an unread block's message at exactly the frontier might come first by message id).
/// </summary>
internal static class SearchFrontier
{
    /// <summary>Newest first: by time, then by message id (both descending).</summary>
    public static int NewestFirst((DateTime CreatedAt, Guid MessageId) x, (DateTime CreatedAt, Guid MessageId) y)
    {
        var byTime = y.CreatedAt.CompareTo(x.CreatedAt);
        return byTime != 0 ? byTime : y.MessageId.CompareTo(x.MessageId);
    }

    /// <summary>True when <paramref name="position"/> comes after (is older than) <paramref name="cursor"/>.</summary>
    public static bool IsAfter((DateTime CreatedAt, Guid MessageId) position, (DateTime CreatedAt, Guid MessageId)? cursor) =>
        cursor is not { } c || NewestFirst(position, c) > 0;

    public static bool IsFinal(DateTime createdAt, DateTime? frontier) => frontier is not { } f || createdAt > f;

    /// <summary>How many of the matches are final.</summary>
    public static int FinalCount<T>(IEnumerable<T> matches, Func<T, DateTime> createdAt, DateTime? frontier) =>
        matches.Count(m => IsFinal(createdAt(m), frontier));

    /// <summary>
    /// The cursor a page cut short by the work budget ends with: just below the frontier, as (frontier + 1 tick, no id),
    /// so the next page holds every message at or before the frontier (none of which is final yet) and nothing after it
    /// (all of which were final and are on this page).
    /// </summary>
    public static (DateTime CreatedAt, Guid MessageId) BudgetCursor(DateTime frontier) => (frontier.AddTicks(1), Guid.Empty);

    /// <summary>
    /// Whether stopping now for the budget moves the reader on: the budget cursor must come strictly after the request's
    /// own cursor (blocks that straddle the cursor's time are read again by the next page, and a page must not end where
    /// it began).
    /// </summary>
    public static bool BudgetStopProgresses(DateTime frontier, (DateTime CreatedAt, Guid MessageId)? requestCursor) =>
        IsAfter(BudgetCursor(frontier), requestCursor);

    /// <summary>
    /// The page from the matches found so far (all after the request's cursor): the newest <paramref name="limit"/> final
    /// ones and the next cursor. With more final matches than the page holds, the cursor is the last one shown; when the
    /// reading stopped early (a frontier remains) it is <see cref="BudgetCursor"/>; when everything was read, null.
    /// </summary>
    public static (List<T> Page, (DateTime CreatedAt, Guid MessageId)? Next) Page<T>(
        IEnumerable<T> matches, Func<T, (DateTime CreatedAt, Guid MessageId)> position, DateTime? frontier, int limit)
    {
        var final = matches.Where(m => IsFinal(position(m).CreatedAt, frontier)).ToList();
        final.Sort((x, y) => NewestFirst(position(x), position(y)));
        if (final.Count > limit)
        {
            final.RemoveRange(limit, final.Count - limit);
            return (final, position(final[^1]));
        }

        return (final, frontier is { } f ? BudgetCursor(f) : null);
    }
}
