namespace ChatApp.Modules.Recommendation;

/// <summary>Configuration section <c>Recommendation</c>.</summary>
internal sealed class RecommendationOptions
{
    public const string SectionName = "Recommendation";

    /// <summary>The rating scale (<c>Recommendation:Scale:Minimum/Maximum/Neutral</c>, default 1..5, neutral 3).</summary>
    public RatingScaleOptions Scale { get; set; } = new();

    /// <summary>Someone with ratings is recommended only when their true mean received rating is at or above neutral with at least this posterior probability (<see cref="Model.DistrustRule"/>).</summary>
    public double DistrustConfidence { get; set; } = Model.DistrustRule.DefaultConfidence;

    /// <summary>A profile's score is published from this many ratings on.</summary>
    public int MinimumRatings { get; set; } = 30;

    /// <summary>Weight of the global mean in the shrunk score, in imaginary ratings.</summary>
    public double PriorWeight { get; set; } = 10;

    /// <summary>How long a score recomputation waits, so that a burst of ratings causes one run.</summary>
    public TimeSpan ScoreDebounce { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>When the taste model is retrained (UTC cron).</summary>
    public string TrainingCron { get; set; } = "0 3 * * *";

    /// <summary>
    /// Recommendations precomputed per person and model version (only these are stored: rows = people × this; the API
    /// tops a longer list up from the best shrunk scores).
    /// </summary>
    public int RecommendationsPerUser { get; set; } = 30;

    /// <summary>
    /// How long a training run's lease (one run at a time across instances) lasts unless renewed; renewed every third
    /// of it while training, so a dead process frees it within this time.
    /// </summary>
    public TimeSpan TrainingLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Rows inserted or deleted per statement when storing a version's recommendations or dropping an old version.</summary>
    public int StoreBatch { get; set; } = 5000;

    /// <summary>Complete model versions kept (older ones are deleted after a successful training).</summary>
    public int KeepModelVersions { get; set; } = 3;
}
