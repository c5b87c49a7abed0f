namespace ChatApp.Modules.Moderation.Domain;

/// <summary>One moderator's action, with who did it and why. Only administrators ever see these rows.</summary>
internal sealed class AuditEntry
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }

    public DateTime At { get; set; }

    public Guid AdminId { get; set; }

    /// <summary><see cref="ModerationActions"/>.</summary>
    public string Action { get; set; } = "";

    public Guid? ReportId { get; set; }

    public Guid? TargetUserId { get; set; }

    public Guid? MessageId { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>What the admin wrote to the person (shown to them in their notices); null when nothing.</summary>
    public string? PersonMessage { get; set; }

    /// <summary>The end of a suspension.</summary>
    public DateTime? Until { get; set; }
}
