namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Ratings in dense form for training: raters and ratees mapped to 0..n-1, values as floats, plus the rating scale.
/// Raters and ratees are two separate index spaces (a person may be both).
/// </summary>
internal sealed class RatingData<TId>
    where TId : notnull
{
    private RatingData(TId[] raters, TId[] ratees, int[] raterIndex, int[] rateeIndex, float[] values, double min, double max)
    {
        Raters = raters;
        Ratees = ratees;
        RaterIndex = raterIndex;
        RateeIndex = rateeIndex;
        Values = values;
        MinRating = min;
        MaxRating = max;
    }

    public TId[] Raters { get; }

    public TId[] Ratees { get; }

    /// <summary>For rating k: its rater's index, its ratee's index and its value.</summary>
    public int[] RaterIndex { get; }

    public int[] RateeIndex { get; }

    public float[] Values { get; }

    public double MinRating { get; }

    public double MaxRating { get; }

    public int Count => Values.Length;

    /// <summary>The ratings at the given positions, in the same index spaces (so models trained on it line up).</summary>
    public RatingData<TId> Subset(IReadOnlyList<int> positions) => new(
        Raters, Ratees,
        positions.Select(k => RaterIndex[k]).ToArray(),
        positions.Select(k => RateeIndex[k]).ToArray(),
        positions.Select(k => Values[k]).ToArray(),
        MinRating, MaxRating);

    public static RatingData<TId> From(IReadOnlyList<(TId Rater, TId Ratee, double Value)> ratings, double? minRating = null, double? maxRating = null)
    {
        var raters = new Dictionary<TId, int>();
        var ratees = new Dictionary<TId, int>();
        var raterIndex = new int[ratings.Count];
        var rateeIndex = new int[ratings.Count];
        var values = new float[ratings.Count];
        double min = double.MaxValue, max = double.MinValue;
        for (var k = 0; k < ratings.Count; k++)
        {
            var (rater, ratee, value) = ratings[k];
            if (!raters.TryGetValue(rater, out var u))
            {
                raters[rater] = u = raters.Count;
            }

            if (!ratees.TryGetValue(ratee, out var i))
            {
                ratees[ratee] = i = ratees.Count;
            }

            raterIndex[k] = u;
            rateeIndex[k] = i;
            values[k] = (float)value;
            min = Math.Min(min, value);
            max = Math.Max(max, value);
        }

        return new RatingData<TId>(
            raters.OrderBy(p => p.Value).Select(p => p.Key).ToArray(),
            ratees.OrderBy(p => p.Value).Select(p => p.Key).ToArray(),
            raterIndex, rateeIndex, values,
            minRating ?? (ratings.Count == 0 ? 1 : min), maxRating ?? (ratings.Count == 0 ? 5 : max));
    }
}
