namespace ChatApp.Modules.Moderation.Domain;

/// <summary>
/// What a moderator does about a report, as the admin pages' form and the audit log spell it. The outcome a reporter
/// sees is the action (for dismiss, delete_message, warn, suspend and ban); lift is about the person, not a report.
/// </summary>
internal static class ModerationActions
{
    public const string Dismiss = "dismiss";
    public const string DeleteMessage = "delete_message";
    public const string Warn = "warn";
    public const string Suspend = "suspend";
    public const string Ban = "ban";
    public const string Lift = "lift";

    public static readonly string[] All = [Dismiss, DeleteMessage, Warn, Suspend, Ban, Lift];

    /// <summary>The <c>outcome</c> of a closed report: the action that closed it (a lift closes none).</summary>
    public static readonly string[] ReportOutcomes = [Dismiss, DeleteMessage, Warn, Suspend, Ban];
}
