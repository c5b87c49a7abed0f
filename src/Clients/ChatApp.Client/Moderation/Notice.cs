namespace ChatApp.Client.Moderation;

/// <summary>What moderators told me (server: NoticeResponse): a warning, suspension, lift, removed message or a report's outcome.</summary>
public sealed record Notice(Guid Id, string Kind, DateTime At, string? Category, string? Message, DateTime? Until, Guid? ReportId, string? Outcome);
