namespace ChatApp.Client.Moderation;

/// <summary>A report as its reporter sees it (server: ReportResponse): what, why, and what came of it.</summary>
public sealed record Report(Guid Id, string TargetType, Guid TargetId, string Reason, string? Note, string Status, string? Outcome, DateTime CreatedAt, DateTime? ResolvedAt);
