using MathNet.Numerics.Distributions;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Who is never recommended for what others said of them (docs/recommendation.md, ADR 0024). A ratee with n ≥ 1
/// received ratings x₁..xₙ is distrusted when either
/// <list type="number">
/// <item>the shrunk mean (<see cref="PriorWeight"/> = κₚ imaginary ratings at the global mean m₀, the published score's
/// rule) is below neutral: (κₚ·m₀ + Σx) / (κₚ + n) &lt; neutral; or</item>
/// <item>we are not at least <see cref="Confidence"/> (c, 0.9) sure that their true mean μ is at or above neutral:
/// under the normal model xₖ ~ N(μ, σ²), μ ~ N(m₀, σ²/κ), with σ² (the pooled spread of ratings around each ratee's own
/// mean) and κ = σ²/τ² (τ²: the spread of ratees' true means) fitted on all ratings (empirical Bayes,
/// <see cref="DistrustPrior"/>), the posterior is μ | x ~ N((κ·m₀ + Σx)/(κ + n), σ²/(κ + n)), and the rule is
/// P(μ &lt; neutral | x) = Φ((neutral − (κ·m₀ + Σx)/(κ + n)) · √(κ + n) / σ) &gt; 1 − c.</item>
/// </list>
/// So everyone recommended who has received ratings is, with posterior probability at least c, not distrusted. The
/// second rule catches newcomers whose first few ratings are clearly negative (two 1-star ratings on 1..5; a single
/// −10 on −10..+10), which the heavier published prior would still shrink above neutral, and people whose mean hovers
/// at neutral. Someone without any rating has no evidence either way: the rule leaves them to the account checks.
/// </summary>
internal sealed class DistrustRule
{
    public const double DefaultConfidence = 0.9;

    public DistrustRule(RatingScale scale, DistrustPrior prior, double priorWeight, double confidence)
    {
        if (!(confidence is > 0.5 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The distrust confidence must be above 0.5 and below 1.");
        }

        Scale = scale;
        Prior = prior;
        PriorWeight = priorWeight;
        Confidence = confidence;
    }

    public RatingScale Scale { get; }

    public DistrustPrior Prior { get; }

    /// <summary>κₚ: imaginary ratings at the global mean in the shrunk (published) score.</summary>
    public double PriorWeight { get; }

    public double Confidence { get; }

    /// <summary>Fits the prior (m₀, σ², κ) on the ratings by moments.</summary>
    public static DistrustRule Fit<TId>(RatingData<TId> data, double priorWeight, double confidence = DefaultConfidence)
        where TId : notnull
    {
        var (count, sum) = Received(data);
        return new DistrustRule(data.Scale, DistrustPrior.Fit(data, count, sum), priorWeight, confidence);
    }

    /// <summary>Posterior probability that the true mean of a ratee with these ratings is below neutral (rule 2).</summary>
    public double ProbabilityBelowNeutral(int count, double sum)
    {
        var kappa = Prior.EvidenceWeight + count;
        var mean = ((Prior.EvidenceWeight * Prior.Mean) + sum) / kappa;
        var deviation = Math.Sqrt(Prior.WithinVariance / kappa);
        return Normal.CDF(0, 1, (Scale.Neutral - mean) / deviation);
    }

    /// <summary>The shrunk mean (rule 1), the published score's formula.</summary>
    public double ShrunkMean(int count, double sum) => ((PriorWeight * Prior.Mean) + sum) / (PriorWeight + count);

    public bool IsDistrusted(int count, double sum) =>
        count > 0 && (ShrunkMean(count, sum) < Scale.Neutral || ProbabilityBelowNeutral(count, sum) > 1 - Confidence);

    /// <summary>For every ratee of <paramref name="data"/>: distrusted by its received ratings there.</summary>
    public bool[] Distrusted<TId>(RatingData<TId> data)
        where TId : notnull
    {
        var (count, sum) = Received(data);
        return Enumerable.Range(0, count.Length).Select(i => IsDistrusted(count[i], sum[i])).ToArray();
    }

    /// <summary>How many ratings each ratee of <paramref name="data"/> received, and their sum.</summary>
    internal static (int[] Count, double[] Sum) Received<TId>(RatingData<TId> data)
        where TId : notnull
    {
        var count = new int[data.Ratees.Length];
        var sum = new double[count.Length];
        for (var k = 0; k < data.Count; k++)
        {
            count[data.RateeIndex[k]]++;
            sum[data.RateeIndex[k]] += data.Values[k];
        }

        return (count, sum);
    }
}
