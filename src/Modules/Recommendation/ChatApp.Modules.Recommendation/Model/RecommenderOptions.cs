
namespace ChatApp.Modules.Recommendation.Model;

/// <summary>Hyper-parameters of the whole recommender (docs/recommendation.md explains them).</summary>
internal sealed record RecommenderOptions
{
    public MatrixFactorizationOptions Factorization { get; init; } = new();

    /// <summary>Neighbours used by the kNN-baseline predictor.</summary>
    public int Neighbours { get; init; } = 40;

    /// <summary>Shrinks similarities computed from few common raters.</summary>
    public double Shrink { get; init; } = 100;

    /// <summary>Share of the training ratings held out to fit the blend weights (never the test data).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Above this many ratees the neighbourhood part (dense ratee × ratee matrices) is skipped.</summary>
    public int MaxRateesForNeighbours { get; init; } = 4000;

    public int Seed { get; init; } = 7;

    /// <summary>L2 penalty λ of the affinity model (larger: closer to plain co-rating counts).</summary>
    public double AffinityRegularization { get; init; } = 300;

    /// <summary>Weight, in the affinity model, of a rating below the "liked" threshold (a liked one weighs 1).</summary>
    public double DislikedWeight { get; init; } = 0.5;

    /// <summary>Ratees with fewer ratings than this are left out of the affinity model.</summary>
    public int AffinityMinRatings { get; init; } = 5;

    /// <summary>At most this many ratees (the most rated) take part in the affinity model: m³ time, 4·m² bytes.</summary>
    public int AffinityMaxRatees { get; init; } = 3000;

    /// <summary>
    /// κₚ of <see cref="DistrustRule"/>: imaginary ratings at the global mean in the shrunk mean (the service sets it to
    /// <see cref="RecommendationOptions.PriorWeight"/>, so the rule matches the published score).
    /// </summary>
    public double PriorWeight { get; init; } = 10;

    /// <summary>Posterior probability that a ratee's true mean is at or above neutral that a ratee with ratings needs to be recommended (<see cref="DistrustRule"/>).</summary>
    public double DistrustConfidence { get; init; } = DistrustRule.DefaultConfidence;

    /// <summary>Ranking = affinity × liking^this (liking: the predicted rating on a 0..1 scale).</summary>
    public double LikingExponent { get; init; } = 0.5;

    /// <summary>
    /// The affinity is divided by the ratee's number of ratings to this power (0: unchanged; larger: less popular people
    /// move up). Chosen on validation slices of the training data (docs/recommendation.md, "Precision on MovieLens").
    /// </summary>
    public double AffinityPopularityExponent { get; init; } = 0.1;

    /// <summary>
    /// While EASE is the affinity (at most <see cref="AffinityMaxRatees"/> ratees), implicit-feedback factors
    /// (<see cref="ImplicitFactors"/>) are trained too and their scores added to EASE's with this weight, each divided by
    /// the rater's best score among the candidates (0: EASE alone). Chosen on validation slices (docs/recommendation.md,
    /// "Precision on MovieLens").
    /// </summary>
    public double BlendImplicitWeight { get; init; } = 2;

    /// <summary>Latent factors of the implicit factors blended with EASE (<see cref="BlendImplicitWeight"/>).</summary>
    public int BlendImplicitFactorCount { get; init; } = 64;

    /// <summary>Alternating least-squares iterations of the implicit factors blended with EASE.</summary>
    public int BlendImplicitIterations { get; init; } = 12;

    /// <summary>L2 penalty λ of the implicit factors blended with EASE.</summary>
    public double BlendImplicitRegularization { get; init; } = 30;

    /// <summary>α (confidence 1 + α × weight) of the implicit factors blended with EASE.</summary>
    public double BlendImplicitConfidence { get; init; } = 3;

    /// <summary>Latent factors of <see cref="ImplicitFactors"/>, the candidate source above <see cref="AffinityMaxRatees"/> ratees.</summary>
    public int ImplicitFactorCount { get; init; } = 32;

    /// <summary>Alternating least-squares iterations (both halves) of <see cref="ImplicitFactors"/>.</summary>
    public int ImplicitIterations { get; init; } = 6;

    /// <summary>L2 penalty λ of <see cref="ImplicitFactors"/>.</summary>
    public double ImplicitRegularization { get; init; } = 10;

    /// <summary>α of <see cref="ImplicitFactors"/>: a rated pair's confidence is 1 + α × its weight (1 liked, <see cref="DislikedWeight"/> below).</summary>
    public double ImplicitConfidence { get; init; } = 3;

    /// <summary>Raters per block of <see cref="Recommender.RecommendAll"/> (computed in parallel, then yielded).</summary>
    public int RecommendBlock { get; init; } = 4096;

    /// <summary>
    /// β: candidates are ranked by x·y / |y|^β of <see cref="ImplicitFactors"/> (0: the raw predicted preference, which
    /// favours the most rated; 1: the direction of the ratee's factors only), so people with few ratings can reach lists.
    /// </summary>
    public double ImplicitDamping { get; init; } = 0.25;

    /// <summary>
    /// Exposure in <see cref="Recommender.RecommendAll"/> (needs implicit factors: the candidates above
    /// <see cref="AffinityMaxRatees"/>, or those blended with EASE below it): every ratee that is not distrusted is
    /// offered to this many of its best-matching raters (a reverse top-K scan)...
    /// </summary>
    public int ExposureRaters { get; init; } = 3;

    /// <summary>...who give such ratees up to this share of their list's slots (at least one).</summary>
    public double ExposureShare { get; init; } = 0.2;

    /// <summary>
    /// ...never among the first this many places of a list: those go to the best matches (precision), the exposure
    /// slots follow them (a list of at most this many has none).
    /// </summary>
    public int ExposureAfter { get; init; } = 10;

    /// <summary>
    /// Exposure goes only to ratees whose posterior probability of a true mean below neutral is at most this
    /// (<see cref="DistrustRule.ProbabilityBelowNeutral"/>; the rule itself tolerates 1 − <see cref="DistrustConfidence"/>).
    /// </summary>
    public double ExposureMaxDoubt { get; init; } = 0.01;
}
