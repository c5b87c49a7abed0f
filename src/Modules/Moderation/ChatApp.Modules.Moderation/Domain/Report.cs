namespace ChatApp.Modules.Moderation.Domain;

/// <summary>
/// Someone's report of a message, a person or a room. A reported message is kept as it was (the evidence fields), so
/// editing or deleting it later erases nothing here. While open, <see cref="OpenKey"/> (reporter, target) is set and
/// unique: one open report per reporter and target.
/// </summary>
internal sealed class Report
{
    public const int NoteMaxLength = 1000;
    public const int EvidenceTextMaxLength = 4000;

    public Guid Id { get; set; }

    public Guid ReporterId { get; set; }

    /// <summary><see cref="ReportTargetTypes"/>.</summary>
    public string TargetType { get; set; } = "";

    public Guid TargetId { get; set; }

    /// <summary>The person the report is about: the reported user, or the sender of the reported message; null for a room.</summary>
    public Guid? TargetUserId { get; set; }

    /// <summary><see cref="ReportReasons"/>.</summary>
    public string Reason { get; set; } = "";

    public string? Note { get; set; }

    /// <summary><see cref="ReportStatuses"/>.</summary>
    public string Status { get; set; } = ReportStatuses.Open;

    /// <summary>The action that closed the report (<see cref="ModerationActions"/>); null while open.</summary>
    public string? Outcome { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>"reporter:type:target" while open, null once resolved (a unique index: MySQL and SQLite allow many nulls).</summary>
    public string? OpenKey { get; set; }

    public Guid? EvidenceRoomId { get; set; }

    public long? EvidenceSeq { get; set; }

    public string? EvidenceText { get; set; }

    /// <summary>Media ids of the message's pictures when reported, comma-separated.</summary>
    public string? EvidenceAttachments { get; set; }

    public DateTime? EvidenceSentAt { get; set; }

    public DateTime? EvidenceEditedAt { get; set; }

    /// <summary>When Media was told the snapshot's pictures are no longer needed (after the evidence retention); null while held.</summary>
    public DateTime? EvidenceReleasedAt { get; set; }

    public IReadOnlyList<Guid> EvidenceAttachmentIds =>
        string.IsNullOrEmpty(EvidenceAttachments) ? [] : EvidenceAttachments.Split(',').Select(Guid.Parse).ToList();

    public static string KeyFor(Guid reporterId, string targetType, Guid targetId) => $"{reporterId:N}:{targetType}:{targetId:N}";

    public void Resolve(string action, DateTime now)
    {
        Status = action == ModerationActions.Dismiss ? ReportStatuses.Dismissed : ReportStatuses.Actioned;
        Outcome = action;
        ResolvedAt = now;
        OpenKey = null;
    }
}
