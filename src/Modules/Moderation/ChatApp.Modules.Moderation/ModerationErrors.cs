namespace ChatApp.Modules.Moderation;

/// <summary>The Moderation module's expected failures and validation codes (codes are part of the API contract).</summary>
internal static class ModerationErrors
{
    public const string InvalidTargetTypeCode = "moderation.invalid_target_type";
    public const string InvalidReasonCode = "moderation.invalid_reason";
    public const string InvalidActionCode = "moderation.invalid_action";
    public const string InvalidDurationCode = "moderation.invalid_duration";

    /// <summary>Also what someone gets for a message or room they are not a member of: nothing is confirmed to exist.</summary>
    public static readonly Error TargetNotFound = Error.NotFound("moderation.target_not_found", "Nothing to report here: no such message, person or room of yours.");

    public static readonly Error CannotReportSelf = Error.Validation("moderation.cannot_report_self", "You cannot report yourself or your own messages.",
        new Dictionary<string, string[]> { ["targetId"] = ["You cannot report yourself or your own messages."] });

    public static readonly Error AlreadyReported = Error.Conflict("moderation.already_reported",
        "You have an open report about this already; you will see its outcome in your reports.");

    public static readonly Error ReportNotFound = Error.NotFound("moderation.report_not_found", "No such report.");

    public static readonly Error NotAMessage = Error.Conflict("moderation.not_a_message", "This report is not about a message.");

    public static readonly Error NoPerson = Error.Conflict("moderation.no_person", "This report is about a room, not a person.");
}
