namespace ChatApp.Modules.Recommendation.Contracts;

/// <summary>Route prefixes of the Recommendation module.</summary>
public static class RecommendationRoutes
{
    public const string Recommendations = "/api/v1/recommendations";
}
