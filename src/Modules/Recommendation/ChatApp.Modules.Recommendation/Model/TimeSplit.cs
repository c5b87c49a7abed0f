namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Splits ratings by time: the earliest go to training, the latest (about <c>testShare</c> of them) to the test.
/// All ratings with one timestamp stay on one side: the boundary's timestamp goes wholly to the side that keeps the
/// test share closest to the one asked for (to the test on a tie), as long as both sides keep some ratings.
/// </summary>
internal static class TimeSplit
{
    /// <summary>For each rating, whether it is a test rating; null (with a reason) when no split leaves both sides non-empty.</summary>
    public static bool[]? Split(IReadOnlyList<long> timestamps, double testShare, out string? error)
    {
        if (!(testShare is > 0 and < 1))
        {
            error = "the test share must lie between 0 and 1";
            return null;
        }

        var sorted = timestamps.Order().ToArray();
        var count = sorted.Length;
        var wanted = (int)Math.Round(count * (1 - testShare)); // training ratings wanted
        if (count < 2 || wanted >= count)
        {
            wanted = count - 1;
        }

        var boundary = sorted[Math.Max(0, wanted)];
        // Training sizes that keep the boundary timestamp on one side: before it (it goes to the test) or through it.
        var before = LowerBound(sorted, boundary);
        var through = UpperBound(sorted, boundary);
        var candidates = new[] { before, through }.Where(t => t > 0 && t < count).ToList();
        if (candidates.Count == 0)
        {
            error = "all ratings share one timestamp: a time split needs at least two";
            return null;
        }

        var training = candidates.OrderBy(t => Math.Abs(t - (count * (1 - testShare)))).ThenBy(t => t).First();
        var cut = sorted[training]; // the first test timestamp
        error = null;
        return timestamps.Select(t => t >= cut).ToArray();
    }

    private static int LowerBound(long[] sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int UpperBound(long[] sorted, long value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
