using ChatApp.Modules.Accounts.Contracts;
using ChatApp.Modules.Moderation.Paging;

namespace ChatApp.Modules.Moderation.Features.ReviewQueue;

/// <param name="Status">Null: every status.</param>
/// <param name="Cursor">Where to start: the page after it, or before it when <paramref name="Backwards"/> (a "previous" link); null: the first page.</param>
internal sealed record ReviewQueueQuery(string? Status, string? Reason, string? TargetType, KeysetCursor? Cursor = null, bool Backwards = false)
    : IQuery<ReviewQueueResult>;

internal sealed record ReviewQueueRow(
    Guid Id, DateTime CreatedAt, string TargetType, Guid TargetId, string Reason, string? Note, string Status, string? Outcome,
    string ReporterName, string? PersonName, int ReportsAboutPerson);

/// <param name="Next">The cursor of the next page, null on the last one.</param>
/// <param name="Previous">The cursor of the previous page (walk backwards), null on the first one.</param>
internal sealed record ReviewQueueResult(IReadOnlyList<ReviewQueueRow> Rows, KeysetCursor? Next, KeysetCursor? Previous);

/// <summary>
/// The moderators' queue: reports filtered by status, reason and target type, oldest open first (newest first for
/// other filters), <see cref="PageSize"/> a page, paged by a (creation time, id) keyset both ways.
/// </summary>
internal sealed class ReviewQueueHandler(ModerationDbContext db, IUserDirectory users) : IQueryHandler<ReviewQueueQuery, ReviewQueueResult>
{
    public const int PageSize = 50;

    public async ValueTask<ReviewQueueResult> Handle(ReviewQueueQuery query, CancellationToken cancellationToken)
    {
        var reports = db.Reports.AsNoTracking();
        if (query.Status is { } status)
        {
            reports = reports.Where(r => r.Status == status);
        }

        if (query.Reason is { } reason)
        {
            reports = reports.Where(r => r.Reason == reason);
        }

        if (query.TargetType is { } targetType)
        {
            reports = reports.Where(r => r.TargetType == targetType);
        }

        var page = await Keyset.PageAsync(
            reports, r => r.CreatedAt, r => r.Id, ascending: query.Status == ReportStatuses.Open, query.Cursor, query.Backwards, PageSize, cancellationToken);
        var list = page.Rows;
        KeysetCursor? first = list.Count > 0 ? new KeysetCursor(list[0].CreatedAt, list[0].Id) : null;
        KeysetCursor? last = list.Count > 0 ? new KeysetCursor(list[^1].CreatedAt, list[^1].Id) : null;
        var next = query.Backwards ? (query.Cursor is null ? null : last) : (page.More ? last : null);
        var previous = query.Backwards ? (page.More ? first : null) : (query.Cursor is null ? null : first);

        var people = list.Where(r => r.TargetUserId is not null).Select(r => r.TargetUserId!.Value).Distinct().ToList();
        var counts = await db.Reports.AsNoTracking()
            .Where(r => r.TargetUserId != null && people.Contains(r.TargetUserId.Value) && r.Status == ReportStatuses.Open)
            .GroupBy(r => r.TargetUserId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = await users.GetUsersAsync(list.Select(r => r.ReporterId).Concat(people).Distinct().ToList(), cancellationToken);
        var rows = list.Select(r => new ReviewQueueRow(
                r.Id, r.CreatedAt, r.TargetType, r.TargetId, r.Reason, r.Note, r.Status, r.Outcome,
                names.TryGetValue(r.ReporterId, out var reporter) ? reporter.DisplayName : "(deleted account)",
                r.TargetUserId is { } person ? (names.TryGetValue(person, out var who) ? who.DisplayName : "(deleted account)") : null,
                r.TargetUserId is { } p && counts.TryGetValue(p, out var count) ? count : 0))
            .ToList();
        return new ReviewQueueResult(rows, next, previous);
    }
}
