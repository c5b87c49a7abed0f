using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The trained recommender: a linear blend of matrix factorisation (SVD++), kNN-baseline and the biases, with weights
/// fitted by least squares on a validation slice of the training ratings, the parts then retrained on all of them.
/// <see cref="Predict"/> estimates a rating; <see cref="Recommend"/> ranks whom to recommend: the rater's affinity to
/// the ratee (<see cref="Affinity"/>: who they are likely to rate, and rate well) times the predicted rating, rescaled
/// to 0..1. The affinity is EASE while the ratees are few enough (<see cref="RecommenderOptions.AffinityMaxRatees"/>),
/// else implicit-feedback factors (<see cref="ImplicitFactors"/>) over everyone, searched exactly by
/// <see cref="TopKScan"/>; <see cref="RecommendAll"/> computes every rater's list in parallel blocks.
/// </summary>
internal sealed class Recommender
{
    private readonly Baseline _baseline;
    private readonly MatrixFactorization _factorization;
    private readonly ItemNeighbors? _neighbours;
    private readonly Affinity? _affinity;
    private readonly ImplicitFactors? _implicit;
    private readonly ImplicitFactors? _blend;
    private readonly float[] _rateePopularity;
    private readonly TopKScan? _scan;
    private readonly RatingIndex _index;
    private readonly int[] _fillOrder;
    private bool[] _exposable = [];
    private readonly double[] _weights;
    private readonly double _likingExponent;
    private readonly bool[] _distrusted;

    private Recommender(
        Baseline baseline, MatrixFactorization factorization, ItemNeighbors? neighbours, (Affinity? Ease, ImplicitFactors? Implicit, ImplicitFactors? Blend, RatingIndex Index) affinity,
        double[] weights, double likingExponent, DistrustRule distrust, bool[] distrusted, RecommenderOptions options)
    {
        Distrust = distrust;
        _distrusted = distrusted;
        _affinity = affinity.Ease;
        _implicit = affinity.Implicit;
        _blend = affinity.Blend;
        _index = affinity.Index;
        _rateePopularity = Enumerable.Range(0, _index.Ratees)
            .Select(i => Affinity.PopularityWeight(_index.RateeOffsets[i + 1] - _index.RateeOffsets[i], options.AffinityPopularityExponent)).ToArray();
        _options = options;
        var candidates = Enumerable.Range(0, distrusted.Length).Where(i => !distrusted[i]).ToArray();
        _scan = _implicit is null ? null : TopKScan.Pack(_implicit.RateeFactors, _implicit.Factors, candidates, options.ImplicitDamping);
        _fillOrder = candidates.OrderByDescending(i => baseline.RateeBias[i]).ThenBy(i => i).ToArray();
        _likingExponent = likingExponent;
        _baseline = baseline;
        _factorization = factorization;
        _neighbours = neighbours;
        _weights = weights;
    }

    private readonly RecommenderOptions _options;

    public IReadOnlyList<double> BlendWeights => _weights;

    /// <summary>Where the time of <see cref="Train"/> went: (stage, seconds), in the order the stages finished.</summary>
    public IReadOnlyList<(string Stage, double Seconds)> Stages { get; private set; } = [];

    /// <summary>RMSE (on the configured scale, before clamping) of the blend on the validation slice it was fitted on; null without one.</summary>
    public double? ValidationRmse { get; private set; }

    /// <summary>The candidate source: EASE (few ratees) or implicit factors over everyone.</summary>
    public string CandidateSource => _implicit is null ? "EASE affinity" : "implicit factors";

    public Baseline Baseline => _baseline;

    /// <summary>The rule (and its prior, fitted on the training ratings) that keeps the distrusted out of every list.</summary>
    public DistrustRule Distrust { get; }

    /// <summary>Whether a ratee is distrusted by the ratings the model was trained on: never recommended.</summary>
    public bool IsDistrusted(int ratee) => ratee >= 0 && _distrusted[ratee];

    public static Recommender Train<TId>(RatingData<TId> data, RecommenderOptions options, CancellationToken cancellationToken = default)
        where TId : notnull
    {
        var stages = new List<(string, double)>();
        void Stage(string name, Stopwatch watch)
        {
            lock (stages)
            {
                stages.Add((name, watch.Elapsed.TotalSeconds));
            }
        }

        var clock = Stopwatch.StartNew();
        var useNeighbours = data.Ratees.Length <= options.MaxRateesForNeighbours;
        var useEase = data.Ratees.Length <= options.AffinityMaxRatees;
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
        Stage("split", clock);
        var full = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            var parts = Parts(data, options, useNeighbours, cancellationToken);
            Stage("parts on all ratings", watch);
            return parts;
        }, cancellationToken);
        if (useNeighbours && data.Ratees.Length > SideBySideMaxRatees)
        {
            full.Wait(cancellationToken);
        }

        var affinity = Task.Run(() =>
        {
            var watch = Stopwatch.StartNew();
            var index = RatingIndex.Build(data, options.DislikedWeight);
            Stage("rating index", watch);
            watch.Restart();
            var ease = useEase ? Affinity.Train(data, options, cancellationToken) : null;
            var factors = useEase ? null : ImplicitFactors.Train(
                index, options.ImplicitFactorCount, options.ImplicitIterations, options.ImplicitRegularization, options.ImplicitConfidence, options.Seed, cancellationToken);
            Stage(useEase ? "EASE affinity" : "implicit factors", watch);
            ImplicitFactors? blend = null;
            if (useEase && options.BlendImplicitWeight > 0)
            {
                // Implicit factors next to EASE (docs/recommendation.md, "Precision on MovieLens"): a second view of whom
                // a rater goes on to rate, cheap while the ratees are few enough for EASE.
                watch.Restart();
                blend = ImplicitFactors.Train(index, options.BlendImplicitFactorCount, options.BlendImplicitIterations,
                    options.BlendImplicitRegularization, options.BlendImplicitConfidence, options.Seed, cancellationToken);
                Stage("implicit factors blended with EASE", watch);
            }

            return (ease, factors, blend, index);
        }, cancellationToken);
        double[] weights;
        double? validationRmse = null;
        if (validation.Count >= 50)
        {
            var watch = Stopwatch.StartNew();
            var subset = data.Subset(training);
            training = [];
            var part = Parts(subset, options, useNeighbours, cancellationToken);
            Stage("parts without the validation slice", watch);
            watch.Restart();
            var rows = validation.Select(k =>
            {
                Span<double> row = stackalloc double[8];
                return row[..Features(part, data.RaterIndex[k], data.RateeIndex[k], row)].ToArray();
            }).ToArray();
            var x = Matrix<double>.Build.DenseOfRowArrays(rows);
            var y = Vector<double>.Build.DenseOfEnumerable(validation.Select(k => ToReference(data.Scale, data.Values[k])));
            // Ridge-regularised least squares: (XᵀX + λI) w = Xᵀy.
            var gram = x.TransposeThisAndMultiply(x) + (Matrix<double>.Build.DenseIdentity(x.ColumnCount) * 1e-3);
            weights = gram.Solve(x.TransposeThisAndMultiply(y)).ToArray();
            var residual = (x * Vector<double>.Build.DenseOfArray(weights)) - y;
            validationRmse = Math.Sqrt(residual.DotProduct(residual) / validation.Count) * data.Scale.Width / ReferenceWidth;
            Stage("blend weights", watch);
        }
        else
        {
            weights = useNeighbours ? [0, 0.5, 0.5, 0, 0, 0, 0, 0] : [0, 1, 0, 0, 0];
        }

        var (baseline, factorization, neighbours) = full.GetAwaiter().GetResult();
        var distrustWatch = Stopwatch.StartNew();
        var distrust = DistrustRule.Fit(data, options.PriorWeight, options.DistrustConfidence);
        var distrusted = distrust.Distrusted(data);
        Stage("distrust rule", distrustWatch);
        var candidates = affinity.GetAwaiter().GetResult();
        var model = new Recommender(baseline, factorization, neighbours, candidates, weights, options.LikingExponent, distrust, distrusted, options);
        Stage("total", clock);
        model.Stages = stages;
        model.ValidationRmse = validationRmse;
        model._exposable = Exposable(data, distrust, options.ExposureMaxDoubt);
        return model;
    }

    public double Predict(int rater, int ratee)
    {
        if (rater < 0 || ratee < 0)
        {
            // Someone the training never saw: the blend's weights were fitted on people it knew (its support features
            // would be extrapolated far outside what it learned), while the biases of whoever is known are all there is.
            return _baseline.Scale.Clamp(_baseline.Predict(rater, ratee));
        }

        Span<double> features = stackalloc double[8];
        features = features[..Features((_baseline, _factorization, _neighbours), rater, ratee, features)];
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
        if (rater >= 0 && _scan is not null)
        {
            // Implicit factors: the same ranking as RecommendAll.
            Func<int, int, bool> accept = (_, i) => allowed(i);
            return Ranked(rater, _scan.Top(_implicit!.RaterFactors, [rater], Math.Max(Shortlist, count), accept)[0], count, accept, []);
        }

        if (rater >= 0 && _affinity is not null)
        {
            var affinity = new float[ratees];
            _affinity.Scores(rater, affinity);
            var open = Enumerable.Range(0, ratees).Where(allowed).ToArray();
            if (_blend is not null && rater < _index.Raters)
            {
                Blend(rater, affinity, open);
            }

            var shortlist = open.Where(i => affinity[i] > 0)
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

    /// <summary>
    /// EASE's scores (already divided by the ratee's popularity) divided by the rater's best one among the
    /// <paramref name="open"/> candidates, plus <see cref="RecommenderOptions.BlendImplicitWeight"/> × the implicit
    /// factors' (divided by the same popularity) divided by their best: two views of whom the rater goes on to rate,
    /// on one footing. Scores of ratees not in <paramref name="open"/> are left as they are (never used).
    /// </summary>
    private void Blend(int rater, Span<float> affinity, int[] open)
    {
        var blend = _blend!;
        var implicitScores = new float[open.Length];
        float bestEase = 0, bestImplicit = 0;
        for (var n = 0; n < open.Length; n++)
        {
            var i = open[n];
            implicitScores[n] = blend.Score(rater, i) * _rateePopularity[i];
            bestEase = Math.Max(bestEase, affinity[i]);
            bestImplicit = Math.Max(bestImplicit, implicitScores[n]);
        }

        var easeScale = bestEase > 0 ? 1 / bestEase : 0;
        var implicitScale = bestImplicit > 0 ? (float)_options.BlendImplicitWeight / bestImplicit : 0;
        for (var n = 0; n < open.Length; n++)
        {
            var i = open[n];
            affinity[i] = (affinity[i] * easeScale) + (implicitScores[n] * implicitScale);
        }
    }

    /// <summary>
    /// Every rater's <paramref name="count"/> best ratees, as <see cref="Recommend"/> ranks them, computed in parallel
    /// blocks of <see cref="RecommenderOptions.RecommendBlock"/> raters and yielded lazily block by block (the caller
    /// can store them as they come, in bounded memory). Never a distrusted ratee, never one the rater already rated
    /// (the model keeps the ratings), and only pairs <paramref name="allowed"/>(rater, ratee) accepts (called from
    /// several threads at once: it must be thread-safe). Raters are yielded in index order; a list may be shorter than
    /// <paramref name="count"/> (or empty) when too few are allowed.
    /// </summary>
    public IEnumerable<(int Rater, (int Ratee, double Score)[] Top)> RecommendAll(int count, Func<int, int, bool> allowed, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var raters = _index.Raters;
        var blockSize = Math.Max(64, _options.RecommendBlock);
        Func<int, int, bool> accept = (u, i) => !_distrusted[i] && !_index.HasRated(u, i) && allowed(u, i);
        // No reverse scan when no list is long enough for exposure slots (they come after the first ExposureAfter places).
        var (offsets, guaranteed) = (_implicit ?? _blend) is null || count <= _options.ExposureAfter || _options.ExposureRaters <= 0
            ? ([], []) : Exposure(accept, cancellationToken);
        for (var start = 0; start < raters; start += blockSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(raters, start + blockSize);
            var block = new (int Ratee, double Score)[end - start][];
            const int Group = 64;
            var from = start;
            Parallel.For(0, (end - start + Group - 1) / Group, new ParallelOptions { CancellationToken = cancellationToken }, g =>
            {
                var first = from + (g * Group);
                var last = Math.Min(end, first + Group);
                if (_scan is null)
                {
                    for (var u = first; u < last; u++)
                    {
                        var rater = u;
                        var ranked = Recommend(rater, count, i => accept(rater, i)).ToArray();
                        block[u - from] = offsets.Length == 0 ? ranked : Expose(rater, ranked, count, guaranteed.AsSpan(offsets[u], offsets[u + 1] - offsets[u]));
                    }

                    return;
                }

                var ids = Enumerable.Range(first, last - first).ToArray();
                var shortlists = _scan.Top(_implicit!.RaterFactors, ids, Math.Max(Shortlist, count), accept);
                for (var n = 0; n < ids.Length; n++)
                {
                    var u = ids[n];
                    block[u - from] = Ranked(u, shortlists[n], count, accept, offsets.Length == 0 ? [] : guaranteed.AsSpan(offsets[u], offsets[u + 1] - offsets[u]));
                }
            });

            for (var n = 0; n < block.Length; n++)
            {
                yield return (start + n, block[n]);
            }
        }
    }

    /// <summary>
    /// A shortlist ranked by affinity × liking^exponent, the best <paramref name="count"/>; too short a list is filled
    /// with the best predicted ratings among the ratees in order of their bias (a rater without enough affinity).
    /// </summary>
    private (int Ratee, double Score)[] Ranked(
        int rater, (int Ratee, float Score)[] shortlist, int count, Func<int, int, bool> accept, ReadOnlySpan<(int Ratee, float Score)> guaranteed)
    {
        var ranked = new (int Ratee, double Score)[shortlist.Length];
        for (var n = 0; n < shortlist.Length; n++)
        {
            var ratee = shortlist[n].Ratee;
            ranked[n] = (ratee, shortlist[n].Score * Math.Pow(Liking(rater, ratee), _likingExponent));
        }

        Array.Sort(ranked, Best);
        ranked = Expose(rater, ranked, count, guaranteed);

        if (ranked.Length >= count)
        {
            return ranked[..count];
        }

        var list = new List<(int Ratee, double Score)>(ranked);
        var chosen = ranked.Select(r => r.Ratee).ToHashSet();
        var fill = new List<(int Ratee, double Score)>();
        foreach (var ratee in _fillOrder)
        {
            if (fill.Count >= 2 * (count - list.Count))
            {
                break;
            }

            if (!chosen.Contains(ratee) && accept(rater, ratee))
            {
                fill.Add((ratee, Liking(rater, ratee) - 1));
            }
        }

        list.AddRange(fill.OrderByDescending(c => c.Score).Take(count - list.Count));
        return [.. list];
    }

    private static readonly Comparison<(int Ratee, double Score)> Best = (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Ratee.CompareTo(b.Ratee);

    /// <summary>
    /// Exposure: ratees for whom this rater is among their best-matching raters (<paramref name="guaranteed"/>, from
    /// <see cref="Exposure"/>) take up to <see cref="RecommenderOptions.ExposureShare"/> of the slots, always after the
    /// first <see cref="RecommenderOptions.ExposureAfter"/> places (the best matches stay on top; those already in the
    /// list keep their place), so everyone eligible reaches somebody's list. <paramref name="ranked"/> is best first.
    /// </summary>
    private (int Ratee, double Score)[] Expose(int rater, (int Ratee, double Score)[] ranked, int count, ReadOnlySpan<(int Ratee, float Score)> guaranteed)
    {
        var reserve = Math.Min(Math.Max(1, (int)(count * _options.ExposureShare)), count - _options.ExposureAfter);
        if (guaranteed.Length == 0 || reserve <= 0)
        {
            return ranked;
        }

        var top = ranked.Take(count).Select(r => r.Ratee).ToHashSet();
        var extra = new List<(int Ratee, double Score)>();
        foreach (var (ratee, affinity) in guaranteed)
        {
            if (extra.Count < reserve && !top.Contains(ratee))
            {
                extra.Add((ratee, affinity * Math.Pow(Liking(rater, ratee), _likingExponent)));
            }
        }

        if (extra.Count == 0)
        {
            return ranked;
        }

        extra.Sort(Best);
        return [.. ranked.Take(Math.Max(0, count - extra.Count)), .. extra];
    }

    /// <summary>
    /// The reverse scan that makes every eligible ratee reachable: for each ratee that is not distrusted, its
    /// <see cref="RecommenderOptions.ExposureRaters"/> best-matching raters by implicit affinity (among the pairs
    /// <paramref name="accept"/> allows), grouped by rater (compressed rows: rater u's are
    /// [offsets[u], offsets[u + 1]), neediest ratee first: fewest received ratings).
    /// </summary>
    private (int[] Offsets, (int Ratee, float Score)[] Guaranteed) Exposure(Func<int, int, bool> accept, CancellationToken cancellationToken)
    {
        var factors = (_implicit ?? _blend)!;
        // Raters by the direction of their factors only: by the raw dot product the few raters with the longest factor
        // vectors would be everybody's best match (hubs), and one list has only so many slots.
        var raterScan = TopKScan.Pack(factors.RaterFactors, factors.Factors, Enumerable.Range(0, _index.Raters).ToArray(), damping: 1);
        var ratees = _fillOrder.Where(i => _exposable.Length > i && _exposable[i]).ToArray();
        const int Group = 256;
        var found = new (int Rater, int Ratee, float Score)[(ratees.Length + Group - 1) / Group][];
        Parallel.For(0, found.Length, new ParallelOptions { CancellationToken = cancellationToken }, g =>
        {
            var group = ratees[(g * Group)..Math.Min(ratees.Length, (g + 1) * Group)];
            var best = raterScan.Top(factors.RateeFactors, group, _options.ExposureRaters, (i, u) => accept(u, i));
            var pairs = new List<(int, int, float)>();
            for (var n = 0; n < group.Length; n++)
            {
                var damping = TopKScan.Damping(factors.RateeFactors.AsSpan(group[n] * factors.Factors, factors.Factors), _options.ImplicitDamping);
                pairs.AddRange(best[n].Select(b => (b.Ratee, group[n], factors.Score(b.Ratee, group[n]) * damping)));
            }

            found[g] = [.. pairs];
        });

        var all = found.SelectMany(f => f).OrderBy(p => p.Rater).ThenBy(p => _index.RateeOffsets[p.Ratee + 1] - _index.RateeOffsets[p.Ratee]).ThenBy(p => p.Ratee).ToArray();
        var offsets = new int[_index.Raters + 1];
        foreach (var (rater, _, _) in all)
        {
            offsets[rater + 1]++;
        }

        for (var u = 0; u < _index.Raters; u++)
        {
            offsets[u + 1] += offsets[u];
        }

        return (offsets, all.Select(p => (p.Ratee, p.Score)).ToArray());
    }

    /// <summary>
    /// Who gets exposure slots: ratees with ratings whose posterior probability of a true mean below neutral
    /// (<see cref="DistrustRule.ProbabilityBelowNeutral"/>) is at most <see cref="RecommenderOptions.ExposureMaxDoubt"/>
    /// (a tenth of what the distrust rule tolerates by default), so the slots go to people the evidence already speaks
    /// for, not to those the rule only just lets through.
    /// </summary>
    private static bool[] Exposable<TId>(RatingData<TId> data, DistrustRule distrust, double maxDoubt)
        where TId : notnull
    {
        var (count, sum) = DistrustRule.Received(data);
        return Enumerable.Range(0, count.Length).Select(i => count[i] > 0 && !distrust.IsDistrusted(count[i], sum[i])
            && distrust.ProbabilityBelowNeutral(count[i], sum[i]) <= maxDoubt).ToArray();
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
    private static int Features((Baseline Baseline, MatrixFactorization Factorization, ItemNeighbors? Neighbours) parts, int rater, int ratee, Span<double> into)
    {
        var baseline = parts.Baseline;
        var raterSupport = 1 / Math.Sqrt(1 + (rater >= 0 ? baseline.RaterCounts[rater] : 0));
        var rateeSupport = 1 / Math.Sqrt(1 + (ratee >= 0 ? baseline.RateeCounts[ratee] : 0));
        var mf = ToReference(baseline.Scale, parts.Factorization.Predict(rater, ratee));
        var bias = ToReference(baseline.Scale, baseline.Predict(rater, ratee));
        if (parts.Neighbours is null)
        {
            into[0] = 1;
            into[1] = mf;
            into[2] = bias;
            into[3] = mf * raterSupport;
            into[4] = mf * rateeSupport;
            return 5;
        }

        var knn = ToReference(baseline.Scale, parts.Neighbours.Predict(rater, ratee));
        into[0] = 1;
        into[1] = mf;
        into[2] = knn;
        into[3] = bias;
        into[4] = mf * raterSupport;
        into[5] = mf * rateeSupport;
        into[6] = knn * raterSupport;
        into[7] = knn * rateeSupport;
        return 8;
    }
}
