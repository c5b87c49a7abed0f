using System.Numerics;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Who a rater is likely to rate, for everyone: implicit-feedback matrix factorisation (Hu, Koren and Volinsky 2008).
/// Every (rater, ratee) pair has preference 1 if the rater rated the ratee, else 0, with confidence 1 + α·w (w: the
/// rating's weight in <see cref="RatingIndex"/>, 1 liked, less disliked) for rated pairs and 1 for all others; the
/// factors minimise Σ c·(p − x·y)² + λ(|x|² + |y|²) by alternating least squares. Each half step solves, per row,
/// (YᵀY + λI + Σ_rated (c − 1) y yᵀ) x = Σ_rated c·y with a few warm-started conjugate-gradient steps
/// (Takács, Pilászy and Tikk 2011): O(k² + ratings·k) per row instead of a k³ factorisation, rows in parallel.
/// Unlike <see cref="Affinity"/> (a dense ratee × ratee model for at most a few thousand ratees) it covers every
/// rater and every ratee in O(ratings·k + people·k²) time and people·k floats.
/// </summary>
internal sealed class ImplicitFactors
{
    private ImplicitFactors(int factors, float[] raterFactors, float[] rateeFactors)
    {
        Factors = factors;
        RaterFactors = raterFactors;
        RateeFactors = rateeFactors;
    }

    public int Factors { get; }

    /// <summary>Row-major: rater u's factors are [u·Factors, (u + 1)·Factors).</summary>
    public float[] RaterFactors { get; }

    public float[] RateeFactors { get; }

    /// <summary>The rater's affinity to the ratee: the predicted preference x·y (about 0..1).</summary>
    public float Score(int rater, int ratee) =>
        Vectors.Dot(RaterFactors.AsSpan(rater * Factors, Factors), RateeFactors.AsSpan(ratee * Factors, Factors));

    public static ImplicitFactors Train(RatingIndex index, int factors, int iterations, double regularization, double alpha, int seed, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var x = Initial(random, index.Raters * factors, factors);
        var y = Initial(random, index.Ratees * factors, factors);
        var lambda = (float)regularization;
        var a = (float)alpha;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Solve(x, y, factors, index.RaterOffsets, index.RaterRatees, index.RaterWeights, lambda, a, cancellationToken);
            Solve(y, x, factors, index.RateeOffsets, index.RateeRaters, index.RateeWeights, lambda, a, cancellationToken);
        }

        return new ImplicitFactors(factors, x, y);
    }

    /// <summary>Conjugate-gradient steps per row and half iteration (warm-started from the previous solution).</summary>
    private const int ConjugateGradientSteps = 3;

    /// <summary>One half step: every row of <paramref name="target"/> re-solved against the fixed <paramref name="other"/>.</summary>
    private static void Solve(float[] target, float[] other, int k, int[] offsets, int[] columns, float[] weights, float lambda, float alpha, CancellationToken cancellationToken)
    {
        var gram = Gram(other, k);
        for (var f = 0; f < k; f++)
        {
            gram[(f * k) + f] += lambda;
        }

        var rows = offsets.Length - 1;
        const int Chunk = 1024;
        Parallel.For(0, (rows + Chunk - 1) / Chunk, new ParallelOptions { CancellationToken = cancellationToken }, () => new float[4 * k], (chunk, _, buffer) =>
        {
            var r = buffer.AsSpan(0, k);
            var p = buffer.AsSpan(k, k);
            var ap = buffer.AsSpan(2 * k, k);
            var b = buffer.AsSpan(3 * k, k);
            for (var row = chunk * Chunk; row < Math.Min(rows, (chunk + 1) * Chunk); row++)
            {
                var xu = target.AsSpan(row * k, k);
                var start = offsets[row];
                var end = offsets[row + 1];

                // r = b − A·x with b = Σ c·y.
                b.Clear();
                for (var at = start; at < end; at++)
                {
                    Vectors.AddScaled(b, other.AsSpan(columns[at] * k, k), 1 + (alpha * weights[at]));
                }

                Multiply(gram, other, k, columns, weights, alpha, start, end, xu, ap);
                for (var f = 0; f < k; f++)
                {
                    r[f] = b[f] - ap[f];
                }

                r.CopyTo(p);
                var old = Vectors.Dot(r, r);
                for (var step = 0; step < ConjugateGradientSteps && old > 1e-10f; step++)
                {
                    Multiply(gram, other, k, columns, weights, alpha, start, end, p, ap);
                    var length = old / Vectors.Dot(p, ap);
                    Vectors.AddScaled(xu, p, length);
                    Vectors.AddScaled(r, ap, -length);
                    var next = Vectors.Dot(r, r);
                    for (var f = 0; f < k; f++)
                    {
                        p[f] = r[f] + (next / old * p[f]);
                    }

                    old = next;
                }
            }

            return buffer;
        }, _ => { });
    }

    /// <summary>result = (YᵀY + λI)·v + Σ_rated α·w·(y·v)·y (the confidence above 1 of the rated pairs).</summary>
    private static void Multiply(float[] gram, float[] other, int k, int[] columns, float[] weights, float alpha, int start, int end, ReadOnlySpan<float> v, Span<float> result)
    {
        for (var f = 0; f < k; f++)
        {
            result[f] = Vectors.Dot(gram.AsSpan(f * k, k), v);
        }

        for (var at = start; at < end; at++)
        {
            var yj = other.AsSpan(columns[at] * k, k);
            Vectors.AddScaled(result, yj, alpha * weights[at] * Vectors.Dot(yj, v));
        }
    }

    /// <summary>YᵀY (k × k) of the row-major factors, summed over row blocks in parallel.</summary>
    private static float[] Gram(float[] factors, int k)
    {
        var rows = factors.Length / k;
        var total = new float[k * k];
        var gate = new object();
        const int Chunk = 4096;
        Parallel.For(0, (rows + Chunk - 1) / Chunk, () => new double[k * k], (chunk, _, sum) =>
        {
            for (var row = chunk * Chunk; row < Math.Min(rows, (chunk + 1) * Chunk); row++)
            {
                var v = factors.AsSpan(row * k, k);
                for (var a = 0; a < k; a++)
                {
                    var va = v[a];
                    for (var b = 0; b < k; b++)
                    {
                        sum[(a * k) + b] += va * v[b];
                    }
                }
            }

            return sum;
        }, sum =>
        {
            lock (gate)
            {
                for (var n = 0; n < total.Length; n++)
                {
                    total[n] += (float)sum[n];
                }
            }
        });
        return total;
    }

    private static float[] Initial(Random random, int length, int factors)
    {
        var values = new float[length];
        var scale = 0.1f / MathF.Sqrt(factors);
        for (var n = 0; n < length; n++)
        {
            values[n] = (float)random.NextDouble() * scale;
        }

        return values;
    }
}
