namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>A precomputed recommendation of a model version: for a rater, the ratee at a rank, with its score.</summary>
internal sealed class RecommendedUser
{
    public long ModelVersionId { get; set; }

    public Guid RaterId { get; set; }

    public int Rank { get; set; }

    public Guid RateeId { get; set; }

    public double Score { get; set; }

    public double PredictedRating { get; set; }
}
