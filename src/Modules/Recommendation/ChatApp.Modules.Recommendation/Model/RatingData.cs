namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Ratings in dense form for training: raters and ratees mapped to 0..n-1, values as floats, plus the configured rating scale.
/// Raters and ratees are two separate index spaces (a person may be both).
/// </summary>
internal sealed class RatingData<TId>
    where TId : notnull
{
    private RatingData(TId[] raters, TId[] ratees, int[] raterIndex, int[] rateeIndex, float[] values, RatingScale scale)
    {
        Raters = raters;
        Ratees = ratees;
        RaterIndex = raterIndex;
        RateeIndex = rateeIndex;
        Values = values;
        Scale = scale;
    }

    public TId[] Raters { get; }

    public TId[] Ratees { get; }

    /// <summary>For rating k: its rater's index, its ratee's index and its value.</summary>
    public int[] RaterIndex { get; }

    public int[] RateeIndex { get; }

    public float[] Values { get; }

    /// <summary>The configured scale (never guessed from the values).</summary>
    public RatingScale Scale { get; }

    public double MinRating => Scale.Minimum;

    public double MaxRating => Scale.Maximum;

    public int Count => Values.Length;

    /// <summary>The ratings at the given positions, in the same index spaces (so models trained on it line up).</summary>
    public RatingData<TId> Subset(IReadOnlyList<int> positions) => new(
        Raters, Ratees,
        positions.Select(k => RaterIndex[k]).ToArray(),
        positions.Select(k => RateeIndex[k]).ToArray(),
        positions.Select(k => Values[k]).ToArray(),
        Scale);

    /// <summary>Dense ratings; every value must lie on <paramref name="scale"/>.</summary>
    public static RatingData<TId> From(IReadOnlyList<(TId Rater, TId Ratee, double Value)> ratings, RatingScale scale)
    {
        var raters = new Dictionary<TId, int>();
        var ratees = new Dictionary<TId, int>();
        var raterIndex = new int[ratings.Count];
        var rateeIndex = new int[ratings.Count];
        var values = new float[ratings.Count];
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
            if (!(value >= scale.Minimum && value <= scale.Maximum))
            {
                throw new ArgumentOutOfRangeException(nameof(ratings), value, $"A rating lies outside the scale {scale}.");
            }

            values[k] = (float)value;
        }

        return new RatingData<TId>(
            raters.OrderBy(p => p.Value).Select(p => p.Key).ToArray(),
            ratees.OrderBy(p => p.Value).Select(p => p.Key).ToArray(),
            raterIndex, rateeIndex, values, scale);
    }
}
