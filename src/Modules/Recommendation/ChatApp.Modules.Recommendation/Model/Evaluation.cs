namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Offline evaluation. Accuracy: RMSE and MAE over the test ratings. Top-N: for each rater with at least one relevant
/// test rating (value at or above the scale's "liked" threshold, <see cref="RatingScale.Liked"/>: 4 on 1..5), rank every ratee seen in training that the
/// rater did not rate in training, take the first <c>n</c>, and average precision, recall and NDCG (binary gains);
/// over those lists, the share of slots that go to the distrusted (as the caller defines them) and catalogue coverage.
/// The per-unit values (per test rating, per ranked rater in rater order) come along for bootstrap intervals.
/// </summary>
internal static class Evaluation
{
    public const int TopN = 10;

    public static EvaluationResult Evaluate<TId>(
        RatingData<TId> training,
        IReadOnlyList<(TId Rater, TId Ratee, double Value)> test,
        Func<int, int, double> predict,
        Func<int, int, Func<int, bool>, IReadOnlyList<int>> recommend,
        Func<int, bool>? distrusted = null)
        where TId : notnull
    {
        var raterIndex = Index(training.Raters);
        var rateeIndex = Index(training.Ratees);
        double squared = 0, absolute = 0;
        var squaredErrors = new double[test.Count];
        var absoluteErrors = new double[test.Count];
        for (var k = 0; k < test.Count; k++)
        {
            var (rater, ratee, value) = test[k];
            var error = predict(raterIndex.GetValueOrDefault(rater, -1), rateeIndex.GetValueOrDefault(ratee, -1)) - value;
            squaredErrors[k] = error * error;
            absoluteErrors[k] = Math.Abs(error);
            squared += error * error;
            absolute += Math.Abs(error);
        }

        var threshold = training.Scale.Liked;
        var relevant = new Dictionary<int, HashSet<int>>();
        foreach (var (rater, ratee, value) in test)
        {
            if (value >= threshold && raterIndex.TryGetValue(rater, out var u) && rateeIndex.TryGetValue(ratee, out var i))
            {
                (relevant.TryGetValue(u, out var set) ? set : relevant[u] = []).Add(i);
            }
        }

        var rated = new HashSet<int>[training.Raters.Length];
        for (var k = 0; k < training.Count; k++)
        {
            (rated[training.RaterIndex[k]] ??= []).Add(training.RateeIndex[k]);
        }

        double precision = 0, recall = 0, ndcg = 0;
        long slots = 0, distrustedSlots = 0;
        var covered = new HashSet<int>();
        var perRater = new List<(int Rater, double Precision, double Ndcg)>(relevant.Count);
        foreach (var (u, wanted) in relevant)
        {
            var ratedByU = rated[u];
            var top = recommend(u, TopN, i => ratedByU?.Contains(i) != true);
            slots += top.Count;
            distrustedSlots += distrusted is null ? 0 : top.Count(distrusted);
            covered.UnionWith(top);
            var hits = 0;
            double dcg = 0;
            for (var r = 0; r < top.Count; r++)
            {
                if (wanted.Contains(top[r]))
                {
                    hits++;
                    dcg += 1 / Math.Log2(r + 2);
                }
            }

            double ideal = 0;
            for (var r = 0; r < Math.Min(TopN, wanted.Count); r++)
            {
                ideal += 1 / Math.Log2(r + 2);
            }

            precision += hits / (double)TopN;
            recall += hits / (double)wanted.Count;
            ndcg += dcg / ideal;
            perRater.Add((u, hits / (double)TopN, dcg / ideal));
        }

        perRater.Sort((a, b) => a.Rater.CompareTo(b.Rater));

        var n = Math.Max(1, relevant.Count);
        return new EvaluationResult(
            Math.Sqrt(squared / Math.Max(1, test.Count)), absolute / Math.Max(1, test.Count),
            precision / n, recall / n, ndcg / n, relevant.Count,
            distrustedSlots / (double)Math.Max(1, slots), covered.Count / (double)Math.Max(1, training.Ratees.Length),
            new EvaluationUnits(squaredErrors, absoluteErrors, perRater.Select(r => r.Precision).ToArray(), perRater.Select(r => r.Ndcg).ToArray()));
    }

    private static Dictionary<TId, int> Index<TId>(TId[] ids)
        where TId : notnull
    {
        var index = new Dictionary<TId, int>(ids.Length);
        for (var n = 0; n < ids.Length; n++)
        {
            index[ids[n]] = n;
        }

        return index;
    }
}
