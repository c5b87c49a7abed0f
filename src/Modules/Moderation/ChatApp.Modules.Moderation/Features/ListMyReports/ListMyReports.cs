using ChatApp.Modules.Moderation.Reports;

namespace ChatApp.Modules.Moderation.Features.ListMyReports;

internal sealed record ListMyReportsQuery(Guid ReporterId) : IQuery<Result<IReadOnlyList<ReportResponse>>>;

/// <summary>
/// My reports, newest first (the latest <see cref="Limit"/>), each with its status and outcome: that is how a reporter
/// learns what came of a report. Who reviewed it is never shown.
/// </summary>
internal sealed class ListMyReportsHandler(ModerationDbContext db) : IQueryHandler<ListMyReportsQuery, Result<IReadOnlyList<ReportResponse>>>
{
    public const int Limit = 100;

    public async ValueTask<Result<IReadOnlyList<ReportResponse>>> Handle(ListMyReportsQuery query, CancellationToken cancellationToken)
    {
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.ReporterId == query.ReporterId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Take(Limit)
            .Select(r => new ReportResponse(r.Id, r.TargetType, r.TargetId, r.Reason, r.Note, r.Status, r.Outcome, r.CreatedAt, r.ResolvedAt))
            .ToListAsync(cancellationToken);
        return reports;
    }
}
