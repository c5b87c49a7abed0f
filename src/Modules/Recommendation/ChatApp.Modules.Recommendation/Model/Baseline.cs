namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The biases-only model: global mean + rater bias + ratee bias, each bias a regularised mean of what the others leave
/// unexplained (alternating, as in Koren's "baseline predictors").
/// </summary>
internal sealed class Baseline
{
    private Baseline(double mean, double[] raterBias, double[] rateeBias, int[] raterCounts, int[] rateeCounts, RatingScale scale)
    {
        RaterCounts = raterCounts;
        RateeCounts = rateeCounts;
        GlobalMean = mean;
        RaterBias = raterBias;
        RateeBias = rateeBias;
        Scale = scale;
    }

    public double GlobalMean { get; }

    public double[] RaterBias { get; }

    public double[] RateeBias { get; }

    public RatingScale Scale { get; }

    public double MinRating => Scale.Minimum;

    /// <summary>How many ratings each rater gave and each ratee received (the support of the estimates).</summary>
    public int[] RaterCounts { get; }

    public int[] RateeCounts { get; }

    public double MaxRating => Scale.Maximum;

    public static Baseline Train<TId>(RatingData<TId> data, double rateeShrink = 25, double raterShrink = 10, int iterations = 10)
        where TId : notnull
    {
        var mean = data.Count == 0 ? data.Scale.Neutral : data.Values.Average(v => (double)v);
        var bu = new double[data.Raters.Length];
        var bi = new double[data.Ratees.Length];
        var sums = new double[Math.Max(bu.Length, bi.Length)];
        var counts = new int[sums.Length];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (var n = 0; n < data.Count; n++)
            {
                var i = data.RateeIndex[n];
                sums[i] += data.Values[n] - mean - bu[data.RaterIndex[n]];
                counts[i]++;
            }

            for (var i = 0; i < bi.Length; i++)
            {
                bi[i] = sums[i] / (rateeShrink + counts[i]);
            }

            Array.Clear(sums);
            Array.Clear(counts);
            for (var n = 0; n < data.Count; n++)
            {
                var u = data.RaterIndex[n];
                sums[u] += data.Values[n] - mean - bi[data.RateeIndex[n]];
                counts[u]++;
            }

            for (var u = 0; u < bu.Length; u++)
            {
                bu[u] = sums[u] / (raterShrink + counts[u]);
            }
        }

        var raterCounts = new int[bu.Length];
        var rateeCounts = new int[bi.Length];
        for (var n = 0; n < data.Count; n++)
        {
            raterCounts[data.RaterIndex[n]]++;
            rateeCounts[data.RateeIndex[n]]++;
        }

        return new Baseline(mean, bu, bi, raterCounts, rateeCounts, data.Scale);
    }

    public double Raw(int rater, int ratee) =>
        GlobalMean + (rater >= 0 ? RaterBias[rater] : 0) + (ratee >= 0 ? RateeBias[ratee] : 0);

    public double Predict(int rater, int ratee) => Math.Clamp(Raw(rater, ratee), MinRating, MaxRating);
}
