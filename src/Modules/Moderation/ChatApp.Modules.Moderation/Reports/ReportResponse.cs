namespace ChatApp.Modules.Moderation.Reports;

/// <summary>A report as its reporter sees it: what, why, and what came of it (never who reviewed it).</summary>
internal sealed record ReportResponse(
    Guid Id,
    [property: WireValues(ReportTargetTypes.Message, ReportTargetTypes.User, ReportTargetTypes.Room)] string TargetType,
    Guid TargetId,
    [property: WireValues(ReportReasons.Spam, ReportReasons.Harassment, ReportReasons.Sexual, ReportReasons.Violence, ReportReasons.SelfHarm, ReportReasons.Other)] string Reason,
    string? Note,
    [property: WireValues(ReportStatuses.Open, ReportStatuses.Dismissed, ReportStatuses.Actioned)] string Status,
    [property: WireValues(ModerationActions.Dismiss, ModerationActions.DeleteMessage, ModerationActions.Warn, ModerationActions.Suspend, ModerationActions.Ban)]
    string? Outcome,
    DateTime CreatedAt,
    DateTime? ResolvedAt)
{
    public static ReportResponse From(Report r) =>
        new(r.Id, r.TargetType, r.TargetId, r.Reason, r.Note, r.Status, r.Outcome, r.CreatedAt, r.ResolvedAt);
}
