namespace ChatApp.Modules.Moderation.Domain;

/// <summary>
/// Something moderators told one person: a sanction on them (warned, suspended, banned, lifted, a message of theirs
/// removed) with the report's reason category and the admin's words to them, or the outcome of a report they filed.
/// Never names the admin, and a sanction's notice never names or links the reporter (ADR 0023, part M, session 7).
/// </summary>
internal sealed class Notice
{
    public const int MessageMaxLength = 500;

    public Guid Id { get; set; }

    /// <summary>Whom it is for.</summary>
    public Guid UserId { get; set; }

    public DateTime At { get; set; }

    /// <summary><see cref="NoticeKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The reason category of the report acted on (<see cref="ReportReasons"/>); null for a lift.</summary>
    public string? Category { get; set; }

    /// <summary>What the admin wrote to the person (not the audit reason); null when they wrote nothing or for a report's outcome.</summary>
    public string? Message { get; set; }

    /// <summary>The end of a suspension.</summary>
    public DateTime? Until { get; set; }

    /// <summary>For <see cref="NoticeKinds.ReportOutcome"/>: the reporter's own report.</summary>
    public Guid? ReportId { get; set; }

    /// <summary>For <see cref="NoticeKinds.ReportOutcome"/>: <see cref="NoticeKinds.ActionTaken"/> or <see cref="NoticeKinds.NoViolation"/>, nothing more.</summary>
    public string? Outcome { get; set; }
}
