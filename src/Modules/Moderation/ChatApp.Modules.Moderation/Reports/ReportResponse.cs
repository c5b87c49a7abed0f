namespace ChatApp.Modules.Moderation.Reports;

/// <summary>A report as its reporter sees it: what, why, and what came of it (never who reviewed it).</summary>
internal sealed record ReportResponse(
    Guid Id,
    string TargetType,
    Guid TargetId,
    string Reason,
    string? Note,
    string Status,
    string? Outcome,
    DateTime CreatedAt,
    DateTime? ResolvedAt)
{
    public static ReportResponse From(Report r) =>
        new(r.Id, r.TargetType, r.TargetId, r.Reason, r.Note, r.Status, r.Outcome, r.CreatedAt, r.ResolvedAt);
}
