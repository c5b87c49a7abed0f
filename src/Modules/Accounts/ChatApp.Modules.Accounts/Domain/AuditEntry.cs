namespace ChatApp.Modules.Accounts.Domain;

/// <summary>
/// One administrative action on an account (for example an admin deleting it). It keeps ids and the action only, never
/// the person's e-mail or name, so the log itself holds no personal data once the account is gone.
/// </summary>
internal sealed class AuditEntry
{
    public const int ActionMaxLength = 50;
    public const int DetailMaxLength = 500;

    public Guid Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>The administrator who acted.</summary>
    public Guid ActorUserId { get; set; }

    public string Action { get; set; } = "";

    /// <summary>The account acted on; not a foreign key, because the account may no longer exist.</summary>
    public Guid SubjectUserId { get; set; }

    public string? Detail { get; set; }
}
