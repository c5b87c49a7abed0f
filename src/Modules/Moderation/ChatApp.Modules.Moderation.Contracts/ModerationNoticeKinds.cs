namespace ChatApp.Modules.Moderation.Contracts;

/// <summary>
/// What a moderation notice tells, as the API and the hub's <c>ModerationNotice</c> event spell it (the
/// <c>kind</c> of <see cref="IssuedNotice"/>).
/// </summary>
public static class ModerationNoticeKinds
{
    public const string Warning = "warning";
    public const string Suspension = "suspension";
    public const string Ban = "ban";
    public const string Lift = "lift";
    public const string MessageRemoved = "message_removed";
    public const string ReportOutcome = "report_outcome";
}
