namespace ChatApp.Client.Recommendations;

/// <summary>GET /recommendations/for-me (server: RecommendationsResponse).</summary>
public sealed record RecommendationList(long? ModelVersion, IReadOnlyList<RecommendedPerson> People);
