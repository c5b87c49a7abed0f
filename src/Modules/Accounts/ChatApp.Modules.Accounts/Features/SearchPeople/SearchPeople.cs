using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Accounts.People;
using ChatApp.Modules.Accounts.Profiles;
using ChatApp.Modules.Chat.Contracts;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Features.SearchPeople;

internal sealed record SearchPeopleQuery(Guid UserId, string Q, string? Cursor) : IQuery<Result<PeopleSearchResponse>>;

/// <summary>One page of people; <c>NextCursor</c> null on the last page.</summary>
internal sealed record PeopleSearchResponse(IReadOnlyList<PersonResponse> Items, string? NextCursor);

/// <summary>A person found; <c>ExactHandle</c>: the query was this person's handle (listed first, on the first page).</summary>
internal sealed record PersonResponse(Guid Id, string DisplayName, string? Handle, AvatarResponse? Avatar, bool ExactHandle);

internal sealed class SearchPeopleValidator : AbstractValidator<SearchPeopleQuery>
{
    public const int QueryMaxLength = 50;

    public SearchPeopleValidator()
    {
        RuleFor(c => c.Q).Cascade(CascadeMode.Stop)
            .Must(q => SearchFolding.Fold(q.TrimStart('@')).Length > 0).WithMessage("'q' must have at least one letter or digit.")
            .MaximumLength(QueryMaxLength).OverridePropertyName("q");
        RuleFor(c => c.Cursor).MaximumLength(600);
    }
}

/// <summary>
/// People search (ADR 0023 part P): the exact handle first (it alone finds people who chose to be found that way only),
/// then discoverable people whose folded name or 초성 contains the folded query, or whose handle starts with it. Never
/// me, people blocked either way, nor deactivated, banned, suspended or hidden-for-review accounts (deleted ones have
/// no row). A query few people match (<see cref="PeopleSearchOptions.FewMatches"/>) is answered in name order from the
/// term and handle indexes; a common one in term order (<see cref="TermOrderedPeople"/>), whose pages cost the same
/// however many people match (docs/performance.md, "Issue 19: people search").
/// </summary>
internal sealed class SearchPeopleHandler(
    AccountsDbContext db, IChatRelations relations, AvatarView avatars, IOptions<PeopleSearchOptions> options, TimeProvider timeProvider)
    : IQueryHandler<SearchPeopleQuery, Result<PeopleSearchResponse>>
{
    public const int PageSize = 20;

    public async ValueTask<Result<PeopleSearchResponse>> Handle(SearchPeopleQuery query, CancellationToken cancellationToken)
    {
        PeopleSearchCursor? after = null;
        if (query.Cursor is not null && !PeopleSearchCursor.TryDecode(query.Cursor, out after))
        {
            return PeopleErrors.InvalidCursor;
        }

        var handleOnly = query.Q.TrimStart().StartsWith('@');
        var text = query.Q.Trim().TrimStart('@');
        var folded = SearchFolding.Fold(text);
        var handle = Handles.IsWellFormed(text) ? Handles.Normalize(text) : null;
        var handlePrefix = folded.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.') ? folded : null;
        if (handleOnly && handlePrefix is null)
        {
            return new PeopleSearchResponse([], null);
        }

        var me = query.UserId;
        var now = timeProvider.GetUtcNowForStorage();
        var blocked = (await relations.GetBlockedAsync(me, cancellationToken)).ToList();
        var visible = db.Users.AsNoTracking().Where(u => u.Id != me && u.DeactivatedAt == null && u.BannedAt == null
            && (u.SuspendedUntil == null || u.SuspendedUntil <= now) && u.HiddenForReviewAt == null);
        if (blocked.Count > 0)
        {
            visible = visible.Where(u => !blocked.Contains(u.Id));
        }

        // The exact handle leads the first page and is left out of every page's list (one unique-index lookup).
        Guid? exact = null;
        if (handle is not null)
        {
            exact = await visible.Where(u => u.NormalizedHandle == handle).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
        }

        var matches = visible.Where(u => u.Discoverable && u.NameSearchKey != null);
        if (exact is { } exactId)
        {
            matches = matches.Where(u => u.Id != exactId);
        }

        var leading = after is null ? exact : null;
        var take = PageSize - (leading is null ? 0 : 1);
        var termPrefix = handleOnly ? null : NameSearchKeys.Cut(folded, PeopleSearchTerm.MaxLength);
        // A name-ordered cursor whose query has since become common (people joined meanwhile) starts the term order
        // from its beginning: some people are listed again, none is left out.
        var page = after is null or { Order: PeopleSearchOrder.Name }
            ? await FewMatchesAsync(matches, folded, termPrefix, handlePrefix, after?.Value, take, cancellationToken)
            : null;
        page ??= await TermOrderedPeople.ReadAsync(
            db, matches, folded, termPrefix, handlePrefix, after is { Order: not PeopleSearchOrder.Name } ? after : null, take, cancellationToken);
        var more = page.Count > take;
        if (more)
        {
            page.RemoveAt(take);
        }

        var ids = page.Select(p => p.Id).ToList();
        if (leading is { } first)
        {
            ids.Insert(0, first);
        }

        if (ids.Count == 0)
        {
            return new PeopleSearchResponse([], null);
        }

        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Handle, u.AvatarMediaId })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var avatarsById = await avatars.ForAsync(people.Values.Select(p => p.AvatarMediaId), cancellationToken);
        var items = ids.Where(people.ContainsKey).Select(id => people[id]).Select(p => new PersonResponse(
            p.Id, p.DisplayName, p.Handle, p.AvatarMediaId is { } avatarId ? avatarsById.GetValueOrDefault(avatarId) : null, p.Id == leading)).ToList();
        return new PeopleSearchResponse(items, more ? page[^1].Position.Encode() : null);
    }

    /// <summary>
    /// A query that few people match (up to <see cref="PeopleSearchOptions.FewMatches"/> search terms and handles): those people, read
    /// through the term and handle indexes, filtered, ordered by stored key and paged here. Null when the query matches more.
    /// </summary>
    private async Task<List<PeopleSearchMatch>?> FewMatchesAsync(
        IQueryable<User> matches, string folded, string? termPrefix, string? handlePrefix, string? after, int take, CancellationToken cancellationToken)
    {
        var fewMatches = options.Value.FewMatches;
        var terms = termPrefix is null ? null : PrefixRanges.TermsStartingWith(db.PeopleSearchTerms, termPrefix);
        var termCount = terms is null ? 0 : await terms.OrderBy(t => t.Term).Take(fewMatches + 1).CountAsync(cancellationToken);
        if (termCount > fewMatches)
        {
            return null;
        }

        var byHandle = handlePrefix is null ? null : PrefixRanges.HandlesStartingWith(db, db.Users, handlePrefix);
        var handleCount = byHandle is null ? 0 : await byHandle.OrderBy(u => u.NormalizedHandle).Take(fewMatches + 1).CountAsync(cancellationToken);
        if (handleCount > fewMatches)
        {
            return null;
        }

        // Each read below only when its count found something: a query nobody matches costs its two counts.
        var found = new List<(Guid Id, string Key)>();
        if (terms is not null && termCount > 0)
        {
            var byName = from term in terms
                         join user in matches on term.UserId equals user.Id
                         select new { user.Id, user.NameSearchKey };
            found.AddRange((await byName.ToListAsync(cancellationToken))
                .Where(m => NameSearchKeys.Matches(m.NameSearchKey!, folded))
                .Select(m => (m.Id, m.NameSearchKey!)));
        }

        if (byHandle is not null && handleCount > 0)
        {
            var handleIds = byHandle.Select(u => u.Id);
            found.AddRange((await matches.Where(u => handleIds.Contains(u.Id))
                    .Select(u => new { u.Id, u.NameSearchKey, u.NormalizedHandle }).ToListAsync(cancellationToken))
                .Where(m => m.NormalizedHandle!.StartsWith(handlePrefix!, StringComparison.Ordinal))
                .Select(m => (m.Id, m.NameSearchKey!)));
        }

        return found
            .Where(m => after is null || NameSearchKeys.Compare(m.Key, after) > 0)
            .DistinctBy(m => m.Id)
            .Order(Comparer<(Guid Id, string Key)>.Create((a, b) => NameSearchKeys.Compare(a.Key, b.Key)))
            .Take(take + 1)
            .Select(m => new PeopleSearchMatch(m.Id, PeopleSearchCursor.ByName(m.Key)))
            .ToList();
    }
}
