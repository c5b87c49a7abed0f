namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>One person's rating of another (1..5); one per pair, updatable, withdrawable.</summary>
internal sealed class Rating
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public Guid RaterId { get; set; }

    public Guid RateeId { get; set; }

    public int Score { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

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

/// <summary>A recomputation of a profile's score is queued (at most one row, hence one job, per profile).</summary>
internal sealed class PendingScore
{
    public Guid UserId { get; set; }

    public DateTime RequestedAt { get; set; }
}

internal enum ModelStatus
{
    Training = 1,
    Complete = 2,
    Failed = 3,
}

/// <summary>One training run of the taste model; the API serves the newest complete one.</summary>
internal sealed class ModelVersion
{
    public long Id { get; set; }

    public ModelStatus Status { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int RatingCount { get; set; }

    /// <summary>Hyper-parameters, blend weights and validation figures, as JSON (for operators).</summary>
    public string? Details { get; set; }

    public string? Error { get; set; }
}

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
