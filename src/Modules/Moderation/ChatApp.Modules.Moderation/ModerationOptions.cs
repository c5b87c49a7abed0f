namespace ChatApp.Modules.Moderation;

/// <summary>Configuration section <c>Moderation</c>.</summary>
internal sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>This many different people reporting one person (or their messages) within <see cref="AutoHideWindow"/> hide that person from search and recommendations until a moderator reviews them.</summary>
    public int AutoHideReporters { get; set; } = 3;

    public TimeSpan AutoHideWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many messages before and after a reported one the review page shows.</summary>
    public int ContextMessages { get; set; } = 5;

    /// <summary>How long a closed report keeps its snapshot's pictures in Media before they are released (deleted unless still shown elsewhere).</summary>
    public TimeSpan EvidenceRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>When the job that releases expired evidence runs (cron, UTC).</summary>
    public string EvidenceReleaseCron { get; set; } = "17 4 * * *";
}
