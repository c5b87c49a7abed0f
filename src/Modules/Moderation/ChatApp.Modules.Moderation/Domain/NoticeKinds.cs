using ChatApp.Modules.Moderation.Contracts;

namespace ChatApp.Modules.Moderation.Domain;

/// <summary>What a <see cref="Notice"/> tells, as the API spells it (the public spellings: <see cref="ModerationNoticeKinds"/>).</summary>
internal static class NoticeKinds
{
    public const string Warning = ModerationNoticeKinds.Warning;
    public const string Suspension = ModerationNoticeKinds.Suspension;
    public const string Ban = ModerationNoticeKinds.Ban;
    public const string Lift = ModerationNoticeKinds.Lift;
    public const string MessageRemoved = ModerationNoticeKinds.MessageRemoved;
    public const string ReportOutcome = ModerationNoticeKinds.ReportOutcome;

    /// <summary>A report's outcome as its reporter learns it: something was done (which sanction is not said).</summary>
    public const string ActionTaken = "action_taken";

    public const string NoViolation = "no_violation";

    public static readonly string[] All = [Warning, Suspension, Ban, Lift, MessageRemoved, ReportOutcome];

    /// <summary>The <c>outcome</c> of a <see cref="ReportOutcome"/> notice.</summary>
    public static readonly string[] Outcomes = [ActionTaken, NoViolation];

    /// <summary>The notice the person gets for a moderator's action on them; null for a dismissal (they are not told they were reported).</summary>
    public static string? ForAction(string action) => action switch
    {
        ModerationActions.Warn => Warning,
        ModerationActions.Suspend => Suspension,
        ModerationActions.Ban => Ban,
        ModerationActions.Lift => Lift,
        ModerationActions.DeleteMessage => MessageRemoved,
        _ => null,
    };
}
