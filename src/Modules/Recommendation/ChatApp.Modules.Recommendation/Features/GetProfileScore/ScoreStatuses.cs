namespace ChatApp.Modules.Recommendation.Features.GetProfileScore;

/// <summary>Where a profile's score stands, as the API spells it.</summary>
internal static class ScoreStatuses
{
    /// <summary>The statistics are set.</summary>
    public const string Published = "published";

    /// <summary>Fewer ratings than required.</summary>
    public const string NotEnoughRatings = "not_enough_ratings";

    /// <summary>Enough ratings; the recomputation has not run yet.</summary>
    public const string Pending = "pending";

    public static readonly string[] All = [Published, NotEnoughRatings, Pending];
}
