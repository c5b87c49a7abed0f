using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Chat.Features.ListBlocks;

internal sealed record ListBlocksQuery(Guid UserId, string? Cursor) : IQuery<Result<BlockListResponse>>;

/// <summary>One page of the people I blocked, newest block first; <c>NextCursor</c> null on the last page.</summary>
internal sealed record BlockListResponse(IReadOnlyList<BlockedPersonResponse> Items, string? NextCursor);

/// <summary>
/// A person I blocked, as the directory shows them (a deleted account keeps no name: it is listed as
/// <c>Deleted account</c> until Chat erases the block).
/// </summary>
internal sealed record BlockedPersonResponse(Guid UserId, string DisplayName, string? Handle, string? AvatarUrl, DateTime BlockedAt);

internal sealed class ListBlocksValidator : AbstractValidator<ListBlocksQuery>
{
    public ListBlocksValidator() => RuleFor(c => c.Cursor).MaximumLength(200);
}

/// <summary>Pages by (block time descending, blocked id ascending); names and avatars come from <see cref="IUserDirectory"/>.</summary>
internal sealed class ListBlocksHandler(ChatDbContext db, IUserDirectory users) : IQueryHandler<ListBlocksQuery, Result<BlockListResponse>>
{
    public const int PageSize = 50;

    public async ValueTask<Result<BlockListResponse>> Handle(ListBlocksQuery query, CancellationToken cancellationToken)
    {
        BlockListCursor? after = null;
        if (query.Cursor is not null && !BlockListCursor.TryParse(query.Cursor, out after))
        {
            return BlockListCursor.Invalid;
        }

        var mine = db.Blocks.AsNoTracking().Where(b => b.BlockerId == query.UserId);
        var rows = new List<(Guid BlockedId, DateTime CreatedAt)>();
        if (after is { } cursor)
        {
            // Blocks made at the cursor's very instant: those after the cursor's id, in the order the database sorts ids.
            var ties = await mine.Where(b => b.CreatedAt == cursor.BlockedAt).Select(b => b.BlockedId).ToListAsync(cancellationToken);
            rows.AddRange(ties.Select(id => id.ToString())
                .Where(id => string.CompareOrdinal(id, cursor.BlockedId.ToString()) > 0)
                .Order(StringComparer.Ordinal)
                .Select(id => (Guid.Parse(id), cursor.BlockedAt)));
            mine = mine.Where(b => b.CreatedAt < cursor.BlockedAt);
        }

        var older = await mine.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.BlockedId)
            .Take(PageSize + 1)
            .Select(b => new { b.BlockedId, b.CreatedAt })
            .ToListAsync(cancellationToken);
        rows.AddRange(older.Select(b => (b.BlockedId, b.CreatedAt)));
        var more = rows.Count > PageSize;
        var page = rows.Take(PageSize).ToList();

        var people = await users.GetUsersAsync(page.Select(r => r.BlockedId).ToList(), cancellationToken);
        var items = page.Select(r => people.TryGetValue(r.BlockedId, out var person)
                ? new BlockedPersonResponse(r.BlockedId, person.DisplayName, person.Handle, person.AvatarUrl, r.CreatedAt)
                : new BlockedPersonResponse(r.BlockedId, "Deleted account", null, null, r.CreatedAt))
            .ToList();
        return new BlockListResponse(items, more ? new BlockListCursor(page[^1].CreatedAt, page[^1].BlockedId).ToString() : null);
    }
}
