namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The global prior of <see cref="DistrustRule"/>: the mean rating m₀, the pooled within-ratee variance σ² and the
/// evidence weight κ = σ²/τ² (τ²: the variance of ratees' true means), in imaginary ratings. Stored with each model
/// version so serving applies the rule with the prior the model was trained with.
/// </summary>
internal sealed record DistrustPrior(double Mean, double WithinVariance, double EvidenceWeight)
{
    /// <summary>
    /// Moments: σ² = Σᵢ Σₖ (xᵢₖ − x̄ᵢ)² / (N − ratees); τ² = variance of the means of ratees with at least two ratings
    /// minus the average σ²/nᵢ (sampling noise). Without enough data (no repeated ratee; τ² ≤ 0), σ is a quarter of
    /// the scale's width and κ is <see cref="FallbackWeight"/>.
    /// </summary>
    public static DistrustPrior Fit<TId>(RatingData<TId> data, int[] count, double[] sum)
        where TId : notnull
    {
        var mean = data.Count == 0 ? data.Scale.Neutral : data.Values.Average(v => (double)v);
        double squares = 0;
        for (var k = 0; k < data.Count; k++)
        {
            var i = data.RateeIndex[k];
            var deviation = data.Values[k] - (sum[i] / count[i]);
            squares += deviation * deviation;
        }

        var rated = count.Count(c => c > 0);
        var within = data.Count > rated ? squares / (data.Count - rated) : 0;
        if (within <= 0)
        {
            within = Math.Pow(data.Scale.Width / 4, 2);
        }

        var repeated = Enumerable.Range(0, count.Length).Where(i => count[i] >= 2).ToList();
        var weight = FallbackWeight;
        if (repeated.Count >= 2)
        {
            var means = repeated.Select(i => sum[i] / count[i]).ToList();
            var average = means.Average();
            var spread = means.Sum(m => (m - average) * (m - average)) / (means.Count - 1);
            var between = spread - repeated.Average(i => within / count[i]);
            if (between > 0)
            {
                weight = within / between;
            }
        }

        return new DistrustPrior(mean, within, weight);
    }

    /// <summary>κ when the data cannot say how much ratees differ: as many imaginary ratings as the published score's default prior.</summary>
    public const double FallbackWeight = 10;
}
