using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace ChatApp.Modules.Recommendation.Scoring;

/// <summary>The statistics of a profile's ratings (MathNet.Numerics); docs/recommendation.md explains them.</summary>
internal static class ScoreStatistics
{
    /// <summary>
    /// Mean, sample standard deviation, 95% confidence interval of the mean (Student's t with n-1 degrees of freedom,
    /// clamped to the rating scale) and the Bayesian average (<paramref name="priorWeight"/> imaginary ratings at
    /// <paramref name="globalMean"/> added to the real ones): few ratings stay near the global mean, many speak for
    /// themselves.
    /// </summary>
    public static ScoreSummary Summarize(IReadOnlyList<double> ratings, double globalMean, double priorWeight, double minRating, double maxRating)
    {
        if (ratings.Count < 2)
        {
            throw new ArgumentException("At least two ratings are needed for a spread.", nameof(ratings));
        }

        var n = ratings.Count;
        var mean = ratings.Mean();
        var deviation = ratings.StandardDeviation();
        var t = StudentT.InvCDF(0, 1, n - 1, 0.975);
        var half = t * deviation / Math.Sqrt(n);
        var shrunk = ((priorWeight * globalMean) + ratings.Sum()) / (priorWeight + n);
        return new ScoreSummary(n, mean, deviation, Math.Max(minRating, mean - half), Math.Min(maxRating, mean + half), shrunk);
    }
}
