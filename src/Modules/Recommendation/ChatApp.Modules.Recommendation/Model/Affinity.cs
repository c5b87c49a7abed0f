using System.Numerics;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Who a rater is likely to rate, and rate well: a shallow linear auto-encoder of the rating matrix (EASE, Steck 2019).
/// Each rater is a row x of weights over the ratees they rated (1 for a rating at or above the "liked" threshold,
/// <see cref="RecommenderOptions.DislikedWeight"/> below it); the model is the ratee × ratee matrix B with a zero
/// diagonal that best reconstructs X from X·B under an L2 penalty λ. It has a closed form:
/// P = (XᵀX + λI)⁻¹, B = −P / diag(P). A rater's affinity to a ratee is x·B. Unlike neighbour sums, B learns that two
/// ratees rated by the same people explain each other away, which is what lifts precision.
/// The cost is one dense m × m inverse (m³ multiply-adds, 4·m² bytes): only ratees with at least
/// <see cref="RecommenderOptions.AffinityMinRatings"/> ratings take part, at most
/// <see cref="RecommenderOptions.AffinityMaxRatees"/> of them (the most rated); others are reached through the
/// predicted-rating fallback. The output is divided by the ratee's number of ratings to the power
/// <see cref="RecommenderOptions.AffinityPopularityExponent"/> (0: unchanged), a mild counterweight to popularity.
/// </summary>
internal sealed class Affinity
{
    private readonly int[] _member; // ratee index → row in B, or -1
    private readonly int[] _ratees; // row in B → ratee index
    private readonly float[] _b;
    private readonly (int Row, float Weight)[][] _byRater;
    private readonly float[] _popularity; // row in B → 1 / ratings^AffinityPopularityExponent

    private Affinity(int[] member, int[] ratees, float[] b, (int, float)[][] byRater, float[] popularity)
    {
        _member = member;
        _ratees = ratees;
        _b = b;
        _byRater = byRater;
        _popularity = popularity;
    }

    /// <summary>Ratees that take part in the model.</summary>
    public int Size => _ratees.Length;

    public static Affinity Train<TId>(RatingData<TId> data, RecommenderOptions options, CancellationToken cancellationToken = default)
        where TId : notnull
    {
        var counts = new int[data.Ratees.Length];
        foreach (var i in data.RateeIndex)
        {
            counts[i]++;
        }

        var ratees = Enumerable.Range(0, counts.Length).Where(i => counts[i] >= options.AffinityMinRatings)
            .OrderByDescending(i => counts[i]).ThenBy(i => i).Take(options.AffinityMaxRatees).Order().ToArray();
        var member = new int[counts.Length];
        Array.Fill(member, -1);
        for (var row = 0; row < ratees.Length; row++)
        {
            member[ratees[row]] = row;
        }

        var liked = data.Scale.Liked;
        var byRater = new List<(int Row, float Weight)>[data.Raters.Length];
        for (var k = 0; k < data.Count; k++)
        {
            if (member[data.RateeIndex[k]] is var row and >= 0)
            {
                (byRater[data.RaterIndex[k]] ??= []).Add((row, data.Values[k] >= liked ? 1f : (float)options.DislikedWeight));
            }
        }

        // Gram matrix XᵀX + λI, then its inverse in place.
        var m = ratees.Length;
        var p = new float[m * m];
        foreach (var ratings in byRater)
        {
            if (ratings is null)
            {
                continue;
            }

            foreach (var (a, wa) in ratings)
            {
                var row = a * m;
                foreach (var (b, wb) in ratings)
                {
                    p[row + b] += wa * wb;
                }
            }
        }

        for (var i = 0; i < m; i++)
        {
            p[(i * m) + i] += (float)options.AffinityRegularization;
        }

        cancellationToken.ThrowIfCancellationRequested();
        InvertSymmetricPositiveDefinite(p, m, cancellationToken);

        // B = −P / diag(P) column-wise, zero diagonal; P's storage is reused.
        var diagonal = new float[m];
        for (var i = 0; i < m; i++)
        {
            diagonal[i] = p[(i * m) + i];
        }

        for (var j = 0; j < m; j++)
        {
            var row = p.AsSpan(j * m, m);
            for (var i = 0; i < m; i++)
            {
                row[i] = i == j ? 0 : -row[i] / diagonal[i];
            }
        }

        var popularity = ratees.Select(i => PopularityWeight(counts[i], options.AffinityPopularityExponent)).ToArray();
        return new Affinity(member, ratees, p, byRater.Select(r => r?.ToArray() ?? []).ToArray(), popularity);
    }

    /// <summary>
    /// What a ratee's score is multiplied by for its number of ratings: 1 / ratings^exponent
    /// (<see cref="RecommenderOptions.AffinityPopularityExponent"/>; the implicit factors blended with EASE use it too).
    /// </summary>
    public static float PopularityWeight(int ratings, double exponent) => (float)Math.Pow(Math.Max(1, ratings), -exponent);

    /// <summary>The rater's affinity to every ratee (0 for those outside the model), written into <paramref name="scores"/>.</summary>
    public void Scores(int rater, Span<float> scores)
    {
        scores.Clear();
        if (rater < 0 || rater >= _byRater.Length || _ratees.Length == 0)
        {
            return;
        }

        var m = _ratees.Length;
        var sum = new float[m];
        foreach (var (row, weight) in _byRater[rater])
        {
            Vectors.AddScaled(sum, _b.AsSpan(row * m, m), weight);
        }

        for (var row = 0; row < m; row++)
        {
            scores[_ratees[row]] = sum[row] * _popularity[row];
        }
    }

    /// <summary>Whether the ratee takes part in the model.</summary>
    public bool Covers(int ratee) => ratee >= 0 && ratee < _member.Length && _member[ratee] >= 0;

    /// <summary>
    /// In-place inverse of a symmetric positive-definite matrix (row-major, n × n) by blocked Gauss–Jordan sweeps. No
    /// pivoting is needed: every pivot of an SPD matrix is positive (here at least λ). For each block K of pivots,
    /// the pivot rows are swept among themselves, then every other row i gets the rank-|K| update
    /// row_i ← row_i − A_iK · (swept pivot rows), with A_iK first set to 0 (sweep algebra: A_KK ← A_KK⁻¹,
    /// A_KJ ← A_KK⁻¹A_KJ, A_IK ← −A_IK·A_KK⁻¹, A_IJ ← A_IJ − A_IK·A_KK⁻¹·A_KJ). Blocking reads each row once per
    /// block instead of once per pivot, so the work runs from cache rather than memory; rows are updated with SIMD,
    /// in parallel for large n.
    /// </summary>
    internal static void InvertSymmetricPositiveDefinite(float[] a, int n, CancellationToken cancellationToken = default)
    {
        const int Block = 32;
        var parallel = n >= 512 && Environment.ProcessorCount > 1;
        for (var start = 0; start < n; start += Block)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var size = Math.Min(Block, n - start);
            for (var k = start; k < start + size; k++)
            {
                var pivot = a[(k * n) + k];
                if (!(pivot > 0))
                {
                    throw new ArithmeticException($"The affinity matrix is not positive definite (pivot {pivot} at {k}).");
                }

                a[(k * n) + k] = 1;
                Scale(a.AsSpan(k * n, n), 1 / pivot);
                for (var i = start; i < start + size; i++)
                {
                    var factor = a[(i * n) + k];
                    if (i != k && factor != 0)
                    {
                        a[(i * n) + k] = 0;
                        Vectors.AddScaled(a.AsSpan(i * n, n), a.AsSpan(k * n, n), -factor);
                    }
                }
            }

            var blockStart = start;
            if (parallel)
            {
                var parts = Environment.ProcessorCount * 4;
                var chunk = (n + parts - 1) / parts;
                Parallel.For(0, parts, part => Update(a, n, blockStart, size, part * chunk, Math.Min(n, (part + 1) * chunk)));
            }
            else
            {
                Update(a, n, blockStart, size, 0, n);
            }
        }
    }

    /// <summary>Rows [from, to) outside the pivot block: row_i ← row_i − A_iK · pivot rows, A_iK zeroed first.</summary>
    private static void Update(float[] a, int n, int start, int size, int from, int to)
    {
        Span<float> factors = stackalloc float[size];
        for (var i = from; i < to; i++)
        {
            if (i >= start && i < start + size)
            {
                continue;
            }

            var row = a.AsSpan(i * n, n);
            row.Slice(start, size).CopyTo(factors);
            row.Slice(start, size).Clear();
            var t = 0;
            for (; t + 4 <= size; t += 4)
            {
                Add4(row, a.AsSpan((start + t) * n, 4 * n), n, factors.Slice(t, 4));
            }

            for (; t < size; t++)
            {
                if (factors[t] != 0)
                {
                    Vectors.AddScaled(row, a.AsSpan((start + t) * n, n), -factors[t]);
                }
            }
        }
    }

    /// <summary>target −= f₀·r₀ + f₁·r₁ + f₂·r₂ + f₃·r₃ for four consecutive rows r of length n: one pass over target.</summary>
    private static void Add4(Span<float> target, ReadOnlySpan<float> rows, int n, ReadOnlySpan<float> factors)
    {
        var width = Vector<float>.Count;
        var f0 = new Vector<float>(-factors[0]);
        var f1 = new Vector<float>(-factors[1]);
        var f2 = new Vector<float>(-factors[2]);
        var f3 = new Vector<float>(-factors[3]);
        var r0 = rows[..n];
        var r1 = rows.Slice(n, n);
        var r2 = rows.Slice(2 * n, n);
        var r3 = rows.Slice(3 * n, n);
        var c = 0;
        for (; c <= n - width; c += width)
        {
            var sum = new Vector<float>(target[c..]) + (f0 * new Vector<float>(r0[c..])) + (f1 * new Vector<float>(r1[c..]))
                + (f2 * new Vector<float>(r2[c..])) + (f3 * new Vector<float>(r3[c..]));
            sum.CopyTo(target[c..]);
        }

        for (; c < n; c++)
        {
            target[c] -= (factors[0] * r0[c]) + (factors[1] * r1[c]) + (factors[2] * r2[c]) + (factors[3] * r3[c]);
        }
    }

    private static void Scale(Span<float> values, float factor)
    {
        for (var c = 0; c < values.Length; c++)
        {
            values[c] *= factor;
        }
    }
}
