namespace ChatApp.Client.Recommendations;

/// <summary>My rating of someone (server: RatingResponse).</summary>
public sealed record Rating(Guid RateeId, int Score, DateTime CreatedAt, DateTime UpdatedAt);
