using ChatApp.Modules.Accounts.Contracts;

namespace ChatApp.Modules.Moderation.Features.ReviewQueue;

/// <param name="Status">Null: every status.</param>
internal sealed record ReviewQueueQuery(string? Status, string? Reason, string? TargetType) : IQuery<ReviewQueueResult>;

internal sealed record ReviewQueueRow(
    Guid Id, DateTime CreatedAt, string TargetType, Guid TargetId, string Reason, string? Note, string Status, string? Outcome,
    string ReporterName, string? PersonName, int ReportsAboutPerson);

internal sealed record ReviewQueueResult(IReadOnlyList<ReviewQueueRow> Rows);

/// <summary>The moderators' queue: reports filtered by status, reason and target type, oldest open first (newest first for closed ones), at most <see cref="Limit"/>.</summary>
internal sealed class ReviewQueueHandler(ModerationDbContext db, IUserDirectory users) : IQueryHandler<ReviewQueueQuery, ReviewQueueResult>
{
    public const int Limit = 200;

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

        var ordered = query.Status == ReportStatuses.Open
            ? reports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            : reports.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id);
        var list = await ordered.Take(Limit).ToListAsync(cancellationToken);

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
        return new ReviewQueueResult(rows);
    }
}
