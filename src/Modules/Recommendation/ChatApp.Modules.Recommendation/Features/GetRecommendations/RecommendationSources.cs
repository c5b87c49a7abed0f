namespace ChatApp.Modules.Recommendation.Features.GetRecommendations;

/// <summary>Where a recommended person comes from, as the API spells it.</summary>
internal static class RecommendationSources
{
    /// <summary>The trained model's prediction for me.</summary>
    public const string Model = "model";

    /// <summary>A well-rated profile, filling the list when the model has too few (or nothing) for me.</summary>
    public const string TopRated = "top_rated";

    public static readonly string[] All = [Model, TopRated];
}
