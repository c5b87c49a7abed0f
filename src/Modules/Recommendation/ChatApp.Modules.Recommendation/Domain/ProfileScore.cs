namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>A profile's published score (only from the minimum number of ratings on), as the last recomputation left it.</summary>
internal sealed class ProfileScore
{
    public Guid UserId { get; set; }

    public int Count { get; set; }

    public double Mean { get; set; }

    public double StandardDeviation { get; set; }

    public double ConfidenceLow { get; set; }

    public double ConfidenceHigh { get; set; }

    /// <summary>Bayesian average toward the mean of all ratings: what rankings use.</summary>
    public double ShrunkScore { get; set; }

    public DateTime ComputedAt { get; set; }
}
