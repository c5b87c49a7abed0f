using MathNet.Numerics.LinearAlgebra;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The trained recommender: a linear blend of matrix factorisation (SVD++), kNN-baseline and the biases, with weights
/// fitted by least squares on a validation slice of the training ratings, the parts then retrained on all of them.
/// <see cref="Predict"/> estimates a rating; <see cref="Recommend"/> ranks whom to recommend: the rater's affinity to
/// the ratee (<see cref="Affinity"/>: who they are likely to rate, and rate well) times the predicted rating, rescaled
/// to 0..1.
/// </summary>
internal sealed class Recommender
{
    private readonly Baseline _baseline;
    private readonly MatrixFactorization _factorization;
    private readonly ItemNeighbors? _neighbours;
    private readonly Affinity _affinity;
    private readonly double[] _weights;
    private readonly double _likingExponent;
    private readonly bool[] _distrusted;

    private Recommender(
        Baseline baseline, MatrixFactorization factorization, ItemNeighbors? neighbours, Affinity affinity, double[] weights, double likingExponent, DistrustRule distrust, bool[] distrusted)
    {
        Distrust = distrust;
        _distrusted = distrusted;
        _affinity = affinity;
        _likingExponent = likingExponent;
        _baseline = baseline;
        _factorization = factorization;
        _neighbours = neighbours;
        _weights = weights;
    }

    public IReadOnlyList<double> BlendWeights => _weights;

    public Baseline Baseline => _baseline;

    /// <summary>The rule (and its prior, fitted on the training ratings) that keeps the distrusted out of every list.</summary>
    public DistrustRule Distrust { get; }

    /// <summary>Whether a ratee is distrusted by the ratings the model was trained on: never recommended.</summary>
    public bool IsDistrusted(int ratee) => ratee >= 0 && _distrusted[ratee];

    public static Recommender Train<TId>(RatingData<TId> data, RecommenderOptions options, CancellationToken cancellationToken = default)
        where TId : notnull
    {
        var useNeighbours = data.Ratees.Length <= options.MaxRateesForNeighbours;
        var random = new Random(options.Seed);
        var validation = new List<int>();
        var training = new List<int>();
        for (var k = 0; k < data.Count; k++)
        {
            (random.NextDouble() < options.ValidationFraction ? validation : training).Add(k);
        }

        // The parts trained without the validation slice (to fit the blend) and on everything (to serve) are
        // independent: train them side by side, unless the neighbourhood part's dense matrices (12 bytes × ratees²
        // while training) would then be held twice at once.
        var full = Task.Run(() => Parts(data, options, useNeighbours, cancellationToken), cancellationToken);
        if (useNeighbours && data.Ratees.Length > SideBySideMaxRatees)
        {
            full.Wait(cancellationToken);
        }

        var affinity = Task.Run(() => Affinity.Train(data, options, cancellationToken), cancellationToken);
        double[] weights;
        if (validation.Count >= 50)
        {
            var part = Parts(data.Subset(training), options, useNeighbours, cancellationToken);
            var rows = validation.Select(k => Features(part, data.RaterIndex[k], data.RateeIndex[k])).ToArray();
            var x = Matrix<double>.Build.DenseOfRowArrays(rows);
            var y = Vector<double>.Build.DenseOfEnumerable(validation.Select(k => ToReference(data.Scale, data.Values[k])));
            // Ridge-regularised least squares: (XᵀX + λI) w = Xᵀy.
            var gram = x.TransposeThisAndMultiply(x) + (Matrix<double>.Build.DenseIdentity(x.ColumnCount) * 1e-3);
            weights = gram.Solve(x.TransposeThisAndMultiply(y)).ToArray();
        }
        else
        {
            weights = useNeighbours ? [0, 0.5, 0.5, 0, 0, 0, 0, 0] : [0, 1, 0, 0, 0];
        }

        var (baseline, factorization, neighbours) = full.GetAwaiter().GetResult();
        var distrust = DistrustRule.Fit(data, options.PriorWeight, options.DistrustConfidence);
        return new Recommender(baseline, factorization, neighbours, affinity.GetAwaiter().GetResult(), weights, options.LikingExponent, distrust, distrust.Distrusted(data));
    }

    public double Predict(int rater, int ratee)
    {
        if (rater < 0 || ratee < 0)
        {
            // Someone the training never saw: the blend's weights were fitted on people it knew (its support features
            // would be extrapolated far outside what it learned), while the biases of whoever is known are all there is.
            return _baseline.Scale.Clamp(_baseline.Predict(rater, ratee));
        }

        var features = Features((_baseline, _factorization, _neighbours), rater, ratee);
        double value = 0;
        for (var n = 0; n < features.Length; n++)
        {
            value += _weights[n] * features[n];
        }

        var scale = _baseline.Scale;
        return scale.Clamp(scale.Minimum + ((value - 1) * scale.Width / ReferenceWidth));
    }

    /// <summary>
    /// The <paramref name="count"/> ratees to recommend to a rater, best first, among those <paramref name="allowed"/>
    /// and not distrusted (<see cref="IsDistrusted"/>: the filter is part of the model, so the service and the
    /// evaluation tool apply the same rule):
    /// ranked by affinity (how likely the rater is to rate them at all) times predicted liking (the predicted rating on
    /// a 0..1 scale). Only the strongest <see cref="Shortlist"/> by affinity are scored in full; when fewer than
    /// <paramref name="count"/> have a positive affinity (a new rater), the best predicted ratings fill the list.
    /// </summary>
    public IReadOnlyList<(int Ratee, double Score)> Recommend(int rater, int count, Func<int, bool> allowed)
    {
        allowed = Safe(allowed);
        var ratees = _baseline.RateeBias.Length;
        var candidates = new List<(int Ratee, double Score)>();
        if (rater >= 0)
        {
            var affinity = new float[ratees];
            _affinity.Scores(rater, affinity);
            var shortlist = Enumerable.Range(0, ratees).Where(i => affinity[i] > 0 && allowed(i))
                .OrderByDescending(i => affinity[i]).Take(Math.Max(Shortlist, count)).ToList();
            candidates.AddRange(shortlist.Select(i => (i, affinity[i] * Math.Pow(Liking(rater, i), _likingExponent))));
        }

        if (candidates.Count < count)
        {
            // Cold start, or too little history: the best predicted ratings among everyone else.
            var known = candidates.Select(c => c.Ratee).ToHashSet();
            candidates.AddRange(Enumerable.Range(0, ratees).Where(i => !known.Contains(i) && allowed(i))
                .Select(i => (i, Liking(rater, i) - 1)).OrderByDescending(c => c.Item2).Take(count - candidates.Count));
        }

        return candidates.OrderByDescending(c => c.Score).Take(count).ToList();
    }

    /// <summary>The caller's filter, and never a distrusted ratee (<see cref="DistrustRule"/>), whatever the caller allows.</summary>
    private Func<int, bool> Safe(Func<int, bool> allowed) => i => !_distrusted[i] && allowed(i);

    /// <summary>
    /// The blend is fitted and applied on ratings mapped onto 1..5 (its ridge penalty was chosen there): the same
    /// ratings on any configured scale give the same weights.
    /// </summary>
    private const double ReferenceWidth = 4;

    private static double ToReference(RatingScale scale, double value) => 1 + ((value - scale.Minimum) * ReferenceWidth / scale.Width);

    /// <summary>Above this many ratees (with the neighbourhood part on) the two trainings run one after the other.</summary>
    private const int SideBySideMaxRatees = 2500;

    /// <summary>How many ratees, by affinity, are scored in full when recommending.</summary>
    public const int Shortlist = 100;

    private double Liking(int rater, int ratee) => _baseline.Scale.Unit(Predict(rater, ratee));

    private static (Baseline, MatrixFactorization, ItemNeighbors?) Parts<TId>(RatingData<TId> data, RecommenderOptions options, bool useNeighbours, CancellationToken cancellationToken)
        where TId : notnull
    {
        var baseline = Baseline.Train(data);
        var factorization = MatrixFactorization.Train(data, options.Factorization, cancellationToken);
        var neighbours = useNeighbours ? ItemNeighbors.Train(data, baseline, options.Neighbours, options.Shrink) : null;
        return (baseline, factorization, neighbours);
    }

    /// <summary>
    /// The blend's inputs (on the 1..5 reference scale): each model's prediction, and the MF and kNN predictions again scaled by how little is known
    /// about the rater and the ratee (1/√(1+ratings)), so the blend can trust each model more or less with support.
    /// </summary>
    private static double[] Features((Baseline Baseline, MatrixFactorization Factorization, ItemNeighbors? Neighbours) parts, int rater, int ratee)
    {
        var baseline = parts.Baseline;
        var raterSupport = 1 / Math.Sqrt(1 + (rater >= 0 ? baseline.RaterCounts[rater] : 0));
        var rateeSupport = 1 / Math.Sqrt(1 + (ratee >= 0 ? baseline.RateeCounts[ratee] : 0));
        var mf = ToReference(baseline.Scale, parts.Factorization.Predict(rater, ratee));
        var bias = ToReference(baseline.Scale, baseline.Predict(rater, ratee));
        if (parts.Neighbours is null)
        {
            return [1, mf, bias, mf * raterSupport, mf * rateeSupport];
        }

        var knn = ToReference(baseline.Scale, parts.Neighbours.Predict(rater, ratee));
        return [1, mf, knn, bias, mf * raterSupport, mf * rateeSupport, knn * raterSupport, knn * rateeSupport];
    }
}
