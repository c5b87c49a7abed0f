namespace ChatApp.Modules.Moderation.Contracts;

/// <summary>Route prefixes of the Moderation module.</summary>
public static class ModerationRoutes
{
    public const string Reports = "/api/v1/reports";

    /// <summary>What moderators told me: warnings, suspensions, bans, lifts, removed messages, my reports' outcomes.</summary>
    public const string Notices = "/api/v1/moderation/notices";

    /// <summary>The moderators' server-rendered pages, behind the admin sign-in (next to the Hangfire dashboard).</summary>
    public const string AdminPages = "/admin/moderation";
}
