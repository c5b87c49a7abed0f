using System.Buffers.Text;
using System.Text;
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
/// then discoverable people whose folded name or 초성 contains the folded query, or whose handle starts with it, in the
/// order of their stored key (name, then id). Never me, people blocked either way, nor deactivated, banned, suspended
/// or hidden-for-review accounts (deleted ones have no row). The name match is one scan of a narrow covering index
/// that stops at the page's end (docs/performance.md, "Issue 19: people search").
/// </summary>
internal sealed class SearchPeopleHandler(
    AccountsDbContext db, IChatRelations relations, AvatarView avatars, IOptions<PeopleSearchOptions> options, TimeProvider timeProvider)
    : IQueryHandler<SearchPeopleQuery, Result<PeopleSearchResponse>>
{
    public const int PageSize = 20;

    public async ValueTask<Result<PeopleSearchResponse>> Handle(SearchPeopleQuery query, CancellationToken cancellationToken)
    {
        string? after = null;
        if (query.Cursor is not null && !TryDecode(query.Cursor, out after))
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
        var prefixPattern = handlePrefix is null ? null : Escape(handlePrefix) + "%";
        var termPrefix = handleOnly ? null : folded.Length <= PeopleSearchTerm.MaxLength ? folded : folded[..PeopleSearchTerm.MaxLength];
        var page = await FewMatchesAsync(matches, folded, termPrefix, handlePrefix, after, take, cancellationToken)
            ?? await ScanAsync(matches, folded, termPrefix is not null, prefixPattern, after, take, cancellationToken);
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

        var people = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Handle, u.AvatarMediaId })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var avatarsById = await avatars.ForAsync(people.Values.Select(p => p.AvatarMediaId), cancellationToken);
        var items = ids.Where(people.ContainsKey).Select(id => people[id]).Select(p => new PersonResponse(
            p.Id, p.DisplayName, p.Handle, p.AvatarMediaId is { } avatarId ? avatarsById.GetValueOrDefault(avatarId) : null, p.Id == leading)).ToList();
        return new PeopleSearchResponse(items, more ? Encode(page[^1].Key) : null);
    }

    /// <summary>
    /// A query that few people match (up to <see cref="PeopleSearchOptions.FewMatches"/> search terms and handles): those people, read
    /// through the term and handle indexes, filtered, ordered and paged here. Null when the query matches more.
    /// </summary>
    private async Task<List<Match>?> FewMatchesAsync(
        IQueryable<User> matches, string folded, string? termPrefix, string? handlePrefix, string? after, int take, CancellationToken cancellationToken)
    {
        // Prefix ranges as comparisons: both databases compare the terms byte for byte, and SQLite would not use an
        // index for LIKE on a case-sensitive column. Handles (a Unicode collation on MariaDB) keep LIKE there.
        var fewMatches = options.Value.FewMatches;
        var termUpper = termPrefix is null ? null : PrefixUpperBound(termPrefix);
        var terms = db.PeopleSearchTerms.Where(t => string.Compare(t.Term, termPrefix) >= 0 && string.Compare(t.Term, termUpper) < 0);
        if (termPrefix is not null && (termUpper is null || await terms.Take(fewMatches + 1).CountAsync(cancellationToken) > fewMatches))
        {
            return null;
        }

        IQueryable<User>? byHandle = null;
        if (handlePrefix is not null)
        {
            var handleUpper = PrefixUpperBound(handlePrefix)!;
            var handlePattern = Escape(handlePrefix) + "%";
            byHandle = db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true
                ? db.Users.Where(u => string.Compare(u.NormalizedHandle, handlePrefix) >= 0 && string.Compare(u.NormalizedHandle, handleUpper) < 0)
                : db.Users.Where(u => EF.Functions.Like(u.NormalizedHandle, handlePattern, "\\"));
            if (await byHandle.Take(fewMatches + 1).CountAsync(cancellationToken) > fewMatches)
            {
                return null;
            }
        }

        var found = new List<Match>();
        if (termPrefix is not null)
        {
            var byName = from term in terms
                         join user in matches on term.UserId equals user.Id
                         select new { user.Id, user.NameSearchKey };
            found.AddRange((await byName.ToListAsync(cancellationToken))
                .Where(m => NameSearchKeys.Matches(m.NameSearchKey!, folded))
                .Select(m => new Match(m.Id, m.NameSearchKey!)));
        }

        if (byHandle is not null)
        {
            var handleIds = byHandle.Select(u => u.Id);
            found.AddRange((await matches.Where(u => handleIds.Contains(u.Id))
                    .Select(u => new { u.Id, u.NameSearchKey, u.NormalizedHandle }).ToListAsync(cancellationToken))
                .Where(m => m.NormalizedHandle!.StartsWith(handlePrefix!, StringComparison.Ordinal))
                .Select(m => new Match(m.Id, m.NameSearchKey!)));
        }

        return found
            .Where(m => after is null || NameSearchKeys.Compare(m.Key, after) > 0)
            .DistinctBy(m => m.Id)
            .Order(Comparer<Match>.Create((a, b) => NameSearchKeys.Compare(a.Key, b.Key)))
            .Take(take + 1)
            .ToList();
    }

    /// <summary>A query many people match: one scan of the covering index in key order, which soon fills the page.</summary>
    private static async Task<List<Match>> ScanAsync(
        IQueryable<User> matches, string folded, bool byName, string? prefixPattern, string? after, int take, CancellationToken cancellationToken)
    {
        if (after is not null)
        {
            matches = matches.Where(u => string.Compare(u.NameSearchKey, after) > 0);
        }

        var namePattern = NameSearchKeys.Pattern(folded);
        matches = !byName
            ? matches.Where(u => EF.Functions.Like(u.NormalizedHandle, prefixPattern, "\\"))
            : prefixPattern is null
                ? matches.Where(u => EF.Functions.Like(u.NameSearchKey, namePattern, "\\"))
                : matches.Where(u => EF.Functions.Like(u.NameSearchKey, namePattern, "\\") || EF.Functions.Like(u.NormalizedHandle, prefixPattern, "\\"));
        return (await matches.OrderBy(u => u.NameSearchKey).Select(u => new { u.Id, u.NameSearchKey }).Take(take + 1).ToListAsync(cancellationToken))
            .Select(m => new Match(m.Id, m.NameSearchKey!))
            .ToList();
    }

    /// <summary>The least string above every string that starts with <paramref name="prefix"/> (its last code point plus one); null if there is none.</summary>
    private static string? PrefixUpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        var last = runes[^1].Value;
        if (last == 0x10FFFF)
        {
            return null;
        }

        runes[^1] = new Rune(last == 0xD7FF ? 0xE000 : last + 1);
        return string.Concat(runes.Select(r => r.ToString()));
    }

    private sealed record Match(Guid Id, string Key);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Encode(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>A cursor is the stored key of the last person on the previous page (it ends with that person's id).</summary>
    private static bool TryDecode(string cursor, out string? key)
    {
        key = null;
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var parts = decoded.Split(NameSearchKeys.Separator);
            if (parts.Length == 3 && Guid.TryParseExact(parts[2], "N", out _))
            {
                key = decoded;
            }
        }
        catch (FormatException)
        {
            return false;
        }

        return key is not null;
    }
}
