namespace ChatApp.Modules.Accounts.Features.SearchPeople;

/// <summary>
/// A page of a query many people match, read in term order (ADR 0023 part P): first the people whose name matches, by
/// (matching search term, id), straight from the term index's primary key, each person under the least of their
/// matching terms only; then the people found by their handle only, by handle. Both are index ranges read from the
/// cursor on, so a page costs about the same however many people match and wherever they sit in name order.
/// </summary>
internal static class TermOrderedPeople
{
    private const int FirstBatch = 64;
    private const int MaxBatch = 1024;

    /// <summary>Up to <paramref name="take"/> + 1 people after <paramref name="after"/> (a term or handle cursor; null for the first page).</summary>
    public static async Task<List<PeopleSearchMatch>> ReadAsync(
        AccountsDbContext db, IQueryable<User> matches, string folded, string? termPrefix, string? handlePrefix, PeopleSearchCursor? after,
        int take, CancellationToken cancellationToken)
    {
        var found = new List<PeopleSearchMatch>();
        if (termPrefix is not null && after?.Order != PeopleSearchOrder.Handle)
        {
            await ReadNameMatchesAsync(db, matches, folded, termPrefix, after, take + 1, found, cancellationToken);
            after = null;
        }

        if (handlePrefix is not null && found.Count <= take)
        {
            await ReadHandleMatchesAsync(db, matches, termPrefix is null ? null : folded, handlePrefix, after?.Value, take + 1, found, cancellationToken);
        }

        return found;
    }

    private static async Task ReadNameMatchesAsync(
        AccountsDbContext db, IQueryable<User> matches, string folded, string termPrefix, PeopleSearchCursor? after, int wanted,
        List<PeopleSearchMatch> found, CancellationToken cancellationToken)
    {
        var fromTerm = after?.Value;
        var fromId = after?.UserId ?? Guid.Empty;
        for (var batch = FirstBatch; found.Count < wanted; batch = Math.Min(batch * 2, MaxBatch))
        {
            // The terms alone first (an index-only range in key order), then their people: no join order for a planner to get wrong.
            var terms = PrefixRanges.TermsStartingWith(db.PeopleSearchTerms, termPrefix);
            if (fromTerm is not null)
            {
                var term = fromTerm;
                var id = fromId;
                terms = terms.Where(t => string.Compare(t.Term, term) >= 0 && (string.Compare(t.Term, term) > 0 || t.UserId.CompareTo(id) > 0));
            }

            var rows = await terms.OrderBy(t => t.Term).ThenBy(t => t.UserId).Select(t => new { t.Term, t.UserId })
                .Take(batch).ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.UserId).Distinct().ToList();
            var keys = await matches.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.NameSearchKey })
                .ToDictionaryAsync(u => u.Id, u => u.NameSearchKey!, cancellationToken);
            foreach (var row in rows.TakeWhile(_ => found.Count < wanted))
            {
                // A person has several matching terms when the query occurs more than once in their name or 초성
                // (ㅇ in 이윤아): listed under the least of them only, so pages never repeat anyone.
                if (keys.TryGetValue(row.UserId, out var key) && NameSearchKeys.Matches(key, folded)
                    && string.Equals(NameSearchKeys.FirstTermStartingWith(key, termPrefix), row.Term, StringComparison.Ordinal))
                {
                    found.Add(new PeopleSearchMatch(row.UserId, PeopleSearchCursor.ByTerm(row.Term, row.UserId)));
                }
            }

            if (rows.Count < batch)
            {
                return;
            }

            fromTerm = rows[^1].Term;
            fromId = rows[^1].UserId;
        }
    }

    private static async Task ReadHandleMatchesAsync(
        AccountsDbContext db, IQueryable<User> matches, string? listedByName, string handlePrefix, string? fromHandle, int wanted,
        List<PeopleSearchMatch> found, CancellationToken cancellationToken)
    {
        for (var batch = FirstBatch; found.Count < wanted; batch = Math.Min(batch * 2, MaxBatch))
        {
            var users = PrefixRanges.HandlesStartingWith(db, matches, handlePrefix);
            if (fromHandle is not null)
            {
                var handle = fromHandle;
                users = users.Where(u => string.Compare(u.NormalizedHandle, handle) > 0);
            }

            var rows = await users.OrderBy(u => u.NormalizedHandle).Select(u => new { u.Id, u.NameSearchKey, u.NormalizedHandle })
                .Take(batch).ToListAsync(cancellationToken);
            foreach (var row in rows.TakeWhile(_ => found.Count < wanted))
            {
                // People whose name matches were listed before, in term order.
                if (listedByName is null || !NameSearchKeys.Matches(row.NameSearchKey!, listedByName))
                {
                    found.Add(new PeopleSearchMatch(row.Id, PeopleSearchCursor.ByHandle(row.NormalizedHandle!)));
                }
            }

            if (rows.Count < batch)
            {
                return;
            }

            fromHandle = rows[^1].NormalizedHandle;
        }
    }
}
