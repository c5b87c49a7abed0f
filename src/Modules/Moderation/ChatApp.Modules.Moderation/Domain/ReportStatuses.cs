namespace ChatApp.Modules.Moderation.Domain;

/// <summary>Where a report stands: waiting for a moderator, dismissed (nothing wrong found), or acted on.</summary>
internal static class ReportStatuses
{
    public const string Open = "open";
    public const string Dismissed = "dismissed";
    public const string Actioned = "actioned";

    public static readonly string[] All = [Open, Dismissed, Actioned];
}
