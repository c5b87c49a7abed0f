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
        var builder = new Builder(scale, ratings.Count);
        foreach (var (rater, ratee, value) in ratings)
        {
            builder.Add(rater, ratee, value);
        }

        return builder.Build();
    }

    /// <summary>
    /// Builds <see cref="RatingData{TId}"/> from ratings that arrive one at a time (a database reader's stream): only
    /// the dense arrays and the two id maps are held, never a list of the rows as read.
    /// </summary>
    public sealed class Builder(RatingScale scale, int capacity = 1024)
    {
        private readonly Dictionary<TId, int> _raters = [];
        private readonly Dictionary<TId, int> _ratees = [];
        private int[] _raterIndex = new int[Math.Max(1, capacity)];
        private int[] _rateeIndex = new int[Math.Max(1, capacity)];
        private float[] _values = new float[Math.Max(1, capacity)];

        public int Count { get; private set; }

        /// <summary>Adds one rating; a value off the scale is refused (the data would be wrong, not just unusual).</summary>
        public void Add(TId rater, TId ratee, double value)
        {
            if (!(value >= scale.Minimum && value <= scale.Maximum))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"A rating lies outside the scale {scale}.");
            }

            if (!_raters.TryGetValue(rater, out var u))
            {
                _raters[rater] = u = _raters.Count;
            }

            if (!_ratees.TryGetValue(ratee, out var i))
            {
                _ratees[ratee] = i = _ratees.Count;
            }

            if (Count == _values.Length)
            {
                var size = _values.Length * 2;
                Array.Resize(ref _raterIndex, size);
                Array.Resize(ref _rateeIndex, size);
                Array.Resize(ref _values, size);
            }

            _raterIndex[Count] = u;
            _rateeIndex[Count] = i;
            _values[Count] = (float)value;
            Count++;
        }

        public RatingData<TId> Build()
        {
            var raters = new TId[_raters.Count];
            foreach (var (id, index) in _raters)
            {
                raters[index] = id;
            }

            var ratees = new TId[_ratees.Count];
            foreach (var (id, index) in _ratees)
            {
                ratees[index] = id;
            }

            return new RatingData<TId>(raters, ratees, Trim(_raterIndex), Trim(_rateeIndex), Trim(_values), scale);
        }

        private T[] Trim<T>(T[] values) => values.Length == Count ? values : values[..Count];
    }
}
