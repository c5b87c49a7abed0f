namespace ChatApp.Client.Recommendations;

/// <summary>Someone I may like (server: RecommendedPersonResponse).</summary>
public sealed record RecommendedPerson(Guid UserId, string DisplayName, string? AvatarUrl, string Source, double Score, double? PredictedRating);
