namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Paired percentile bootstrap of a difference between two models measured on the same units (test ratings for RMSE
/// and MAE, test raters for precision and NDCG): resample the units with replacement, recompute each model's
/// statistic (the mean of its per-unit values, then <c>finish</c>: the square root for RMSE over squared errors) on
/// the same resample, and take the 2.5% and 97.5% percentiles of the differences. Deterministic per seed.
/// </summary>
internal static class Bootstrap
{
    public const int DefaultSamples = 1000;

    public static BootstrapInterval PairedDifference(
        IReadOnlyList<double> model, IReadOnlyList<double> baseline, int samples, int seed, Func<double, double>? finish = null, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(model.Count, baseline.Count, nameof(baseline));
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        finish ??= static x => x;
        var units = model.Count;
        if (units == 0)
        {
            return new BootstrapInterval(double.NaN, double.NaN, double.NaN);
        }

        var estimate = finish(model.Average()) - finish(baseline.Average());
        var random = new Random(seed);
        var differences = new double[samples];
        for (var b = 0; b < samples; b++)
        {
            double m = 0, r = 0;
            for (var n = 0; n < units; n++)
            {
                var k = random.Next(units);
                m += model[k];
                r += baseline[k];
            }

            differences[b] = finish(m / units) - finish(r / units);
        }

        Array.Sort(differences);
        var tail = (1 - level) / 2;
        return new BootstrapInterval(estimate, Percentile(differences, tail), Percentile(differences, 1 - tail));
    }

    /// <summary>Linear interpolation between the closest ranks of a sorted array.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
