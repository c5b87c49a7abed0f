namespace ChatApp.Modules.Moderation.Contracts;

/// <summary>Route prefixes of the Moderation module.</summary>
public static class ModerationRoutes
{
    public const string Reports = "/api/v1/reports";

    /// <summary>The moderators' server-rendered pages, behind the admin sign-in (next to the Hangfire dashboard).</summary>
    public const string AdminPages = "/admin/moderation";
}
