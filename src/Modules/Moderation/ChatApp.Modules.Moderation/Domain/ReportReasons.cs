namespace ChatApp.Modules.Moderation.Domain;

/// <summary>Why someone reports, as the API and the database spell it.</summary>
internal static class ReportReasons
{
    public static readonly string[] All = ["spam", "harassment", "sexual", "violence", "self_harm", "other"];
}
