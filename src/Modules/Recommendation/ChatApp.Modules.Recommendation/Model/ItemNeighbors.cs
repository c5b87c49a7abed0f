namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Koren's kNN-baseline rating predictor: the baseline plus the rater's residuals on the k ratees most similar to this
/// one (Pearson correlation of residuals between ratees, shrunk by the number of common raters).
/// Similarities are kept in a dense ratee × ratee matrix: memory grows with the square of the number of ratees, so the
/// service switches this part off above <see cref="RecommenderOptions.MaxRateesForNeighbours"/>.
/// </summary>
internal sealed class ItemNeighbors
{
    private readonly int _items;
    private readonly float[] _pearson;
    private readonly Baseline _baseline;
    private readonly (int Item, float Residual)[][] _byRater;
    private readonly int _k;

    private ItemNeighbors(int items, float[] pearson, Baseline baseline, (int, float)[][] byRater, int k)
    {
        _items = items;
        _pearson = pearson;
        _baseline = baseline;
        _byRater = byRater;
        _k = k;
    }

    public static ItemNeighbors Train<TId>(RatingData<TId> data, Baseline baseline, int neighbours = 40, double shrink = 100)
        where TId : notnull
    {
        var items = data.Ratees.Length;
        var byRater = new List<(int Item, float Residual)>[data.Raters.Length];
        for (var n = 0; n < data.Count; n++)
        {
            var u = data.RaterIndex[n];
            var i = data.RateeIndex[n];
            (byRater[u] ??= []).Add((i, (float)(data.Values[n] - baseline.Raw(u, i))));
        }

        var xy = new float[items * items];
        var xx = new float[items * items];
        var common = new int[items * items];
        foreach (var ratings in byRater)
        {
            if (ratings is null)
            {
                continue;
            }

            // Pairs once each (i < j): the symmetric sums live in the upper triangle; Σ r² is kept for both orders.
            ratings.Sort((x, y) => x.Item.CompareTo(y.Item));
            for (var a = 0; a < ratings.Count; a++)
            {
                var (i, ri) = ratings[a];
                var row = i * items;
                for (var b = a + 1; b < ratings.Count; b++)
                {
                    var (j, rj) = ratings[b];
                    var cell = row + j;
                    xy[cell] += ri * rj;
                    xx[cell] += ri * ri;
                    xx[(j * items) + i] += rj * rj;
                    common[cell]++;
                }
            }
        }

        // The correlation is symmetric: computed once per pair from the upper cell and written over Σ ri·rj in both
        // cells (no fourth n² array).
        var pearson = xy;
        for (var i = 0; i < items; i++)
        {
            for (var j = i + 1; j < items; j++)
            {
                var upper = (i * items) + j;
                var lower = (j * items) + i;
                var nij = common[upper];
                // Σ rj² over the common raters of (i, j) is Σ ri² of the cell (j, i).
                var denominator = Math.Sqrt((double)xx[upper] * xx[lower]);
                var similarity = nij >= 2 && denominator > 0 ? (float)((nij - 1) / (nij - 1 + shrink) * xy[upper] / denominator) : 0;
                pearson[upper] = similarity;
                pearson[lower] = similarity;
            }
        }

        return new ItemNeighbors(items, pearson, baseline, byRater.Select(r => r?.ToArray() ?? []).ToArray(), neighbours);
    }

    /// <summary>kNN-baseline prediction, clamped to the scale.</summary>
    public double Predict(int rater, int ratee)
    {
        var value = _baseline.Raw(rater, ratee);
        if (rater >= 0 && ratee >= 0)
        {
            var ratings = _byRater[rater];
            Span<float> similarities = stackalloc float[ratings.Length];
            Span<float> residuals = stackalloc float[ratings.Length];
            var count = 0;
            var row = ratee * _items;
            foreach (var (j, residual) in ratings)
            {
                var similarity = _pearson[row + j];
                if (similarity > 0)
                {
                    similarities[count] = -similarity; // ascending sort puts the most similar first
                    residuals[count++] = residual;
                }
            }

            if (count > _k)
            {
                similarities[..count].Sort(residuals[..count]);
                count = _k;
            }

            double numerator = 0, denominator = 0;
            for (var n = 0; n < count; n++)
            {
                numerator -= similarities[n] * residuals[n];
                denominator -= similarities[n];
            }

            if (denominator > 0)
            {
                value += numerator / denominator;
            }
        }

        return Math.Clamp(value, _baseline.MinRating, _baseline.MaxRating);
    }
}
