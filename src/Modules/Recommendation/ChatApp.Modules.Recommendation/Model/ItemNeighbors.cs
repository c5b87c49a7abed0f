namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Neighbourhoods between ratees, from who rated both. Two uses: a rating predictor (the baseline plus the rater's
/// residuals on the k ratees most similar to this one, Pearson correlation of residuals shrunk by the number of common
/// raters: Koren's kNN-baseline) and a top-N scorer from rating <em>presence</em> alone (cosine similarity of rater sets,
/// summed over the ratees the rater rated), which finds who a rater is likely to rate at all.
/// Similarities are kept in a dense ratee × ratee matrix: memory grows with the square of the number of ratees, so the
/// service switches this part off above <see cref="RecommenderOptions.MaxRateesForNeighbours"/>.
/// </summary>
internal sealed class ItemNeighbors
{
    private readonly int _items;
    private readonly float[] _pearson;
    /// <summary>For each ratee j: the ratees i that have j among their nearest neighbours, with sim(i, j).</summary>
    private readonly (int Ratee, float Similarity)[][] _neighbourOf;
    private readonly Baseline _baseline;
    private readonly (int Item, float Residual)[][] _byRater;
    private readonly int _k;

    private ItemNeighbors(int items, float[] pearson, (int, float)[][] cosineNeighbours, Baseline baseline, (int, float)[][] byRater, int k)
    {
        _items = items;
        _pearson = pearson;
        var neighbourOf = new List<(int, float)>[items];
        for (var i = 0; i < items; i++)
        {
            foreach (var (j, similarity) in cosineNeighbours[i])
            {
                (neighbourOf[j] ??= []).Add((i, similarity));
            }
        }

        _neighbourOf = neighbourOf.Select(list => list?.ToArray() ?? []).ToArray();
        _baseline = baseline;
        _byRater = byRater;
        _k = k;
    }

    public static ItemNeighbors Train<TId>(RatingData<TId> data, Baseline baseline, int neighbours = 40, double shrink = 100, int cosineNeighbours = 100, double popularityPenalty = 0.5)
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
        var walk = new float[items * items];
        foreach (var ratings in byRater)
        {
            if (ratings is null)
            {
                continue;
            }

            // Pairs once each (i < j): the symmetric sums live in the upper triangle; Σ r² is kept for both orders.
            ratings.Sort((x, y) => x.Item.CompareTo(y.Item));
            // A rater who rated many people says less about each pair (random-walk weighting).
            var weight = 1f / ratings.Count;
            for (var a = 0; a < ratings.Count; a++)
            {
                var (i, ri) = ratings[a];
                var row = i * items;
                common[row + i]++;
                for (var b = a + 1; b < ratings.Count; b++)
                {
                    var (j, rj) = ratings[b];
                    var cell = row + j;
                    xy[cell] += ri * rj;
                    xx[cell] += ri * ri;
                    xx[(j * items) + i] += rj * rj;
                    common[cell]++;
                    walk[cell] += weight;
                }
            }
        }

        var damping = new double[items];
        for (var i = 0; i < items; i++)
        {
            damping[i] = Math.Pow(Math.Max(1, common[(i * items) + i]), popularityPenalty);
        }

        var pearson = new float[items * items];
        var cosine = new float[items * items];
        for (var i = 0; i < items; i++)
        {
            for (var j = 0; j < items; j++)
            {
                var upper = i < j ? (i * items) + j : (j * items) + i;
                var nij = common[upper];
                if (i == j || nij < 2)
                {
                    continue;
                }

                var cell = (i * items) + j;
                // Σ rj² over the common raters of (i, j) is Σ ri² of the cell (j, i).
                var denominator = Math.Sqrt((double)xx[cell] * xx[(j * items) + i]);
                if (denominator > 0)
                {
                    pearson[cell] = (float)((nij - 1) / (nij - 1 + shrink) * xy[upper] / denominator);
                }

                // From j to i: the random walk's probability (raters of j, then what they rated), with popular
                // ratees damped by their degree to the power popularityPenalty.
                var nj = common[(j * items) + j];
                cosine[cell] = (float)(walk[upper] / nj / damping[i]);
            }
        }

        return new ItemNeighbors(items, pearson, Strongest(cosine, items, cosineNeighbours), baseline, byRater.Select(r => r?.ToArray() ?? []).ToArray(), neighbours);
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

    /// <summary>
    /// How strongly the rater's history points at each ratee (higher: more likely to rate them at all): the sum, over
    /// the ratees the rater rated, of their cosine similarity to each of their nearest neighbours.
    /// </summary>
    public void Affinities(int rater, Span<float> scores)
    {
        scores.Clear();
        if (rater < 0)
        {
            return;
        }

        // Σ over ratees j the rater rated, of sim(i, j) for every i that has j among its neighbours: the same sum
        // as walking each i's neighbourhood, in time proportional to the rater's history rather than to all ratees.
        foreach (var (j, _) in _byRater[rater])
        {
            foreach (var (i, similarity) in _neighbourOf[j])
            {
                scores[i] += similarity;
            }
        }
    }

    /// <summary>Each row's <paramref name="keep"/> largest similarities: the ratee's neighbourhood.</summary>
    private static (int, float)[][] Strongest(float[] matrix, int items, int keep)
    {
        var result = new (int, float)[items][];
        var order = new int[items];
        var row = new float[items];
        for (var i = 0; i < items; i++)
        {
            matrix.AsSpan(i * items, items).CopyTo(row);
            for (var j = 0; j < items; j++)
            {
                order[j] = j;
                row[j] = -row[j];
            }

            Array.Sort(row, order);
            result[i] = Enumerable.Range(0, Math.Min(keep, items)).Where(n => row[n] < 0).Select(n => (order[n], -row[n])).ToArray();
        }

        return result;
    }
}
