using System.Numerics;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// Exact top-K by dot product over every candidate ratee, for a block of raters: the brute-force scan that makes the
/// whole population reachable. Ratee factors are packed factor-major in blocks of <see cref="Width"/> ratees, so a
/// group of four raters times one block is eight SIMD accumulators fed by fused multiply-adds, with no horizontal
/// sums; ratees are walked in tiles that stay in cache while every rater group of the block passes over them. A
/// bounded min-heap per rater keeps the best; a whole vector of scores is compared to the heap's floor at once, so
/// the rare scores that could enter pay for the scalar work (the <c>accept</c> check, the heap update).
/// Only positive scores enter (as <see cref="Affinity"/>'s shortlist: no affinity, no candidate).
/// </summary>
internal sealed class TopKScan
{
    private readonly float[] _packed;
    private readonly int[] _ids;
    private readonly int _k;

    /// <summary>Ratees per packed block: two SIMD vectors.</summary>
    private static readonly int Width = 2 * Vector<float>.Count;

    /// <summary>Packed blocks per tile: 256 ratees × 32 factors × 4 bytes is 32 KiB per 256 ratees; 4096 ratees stay in L2.</summary>
    private const int TileBlocks = 256;

    private TopKScan(float[] packed, int[] ids, int k)
    {
        _packed = packed;
        _ids = ids;
        _k = k;
    }

    /// <summary>The candidates: the ratees listed, with their factors (row-major, k per ratee).</summary>
    public static TopKScan Pack(float[] rateeFactors, int k, IReadOnlyList<int> ratees, double damping = 0)
    {
        var blocks = (ratees.Count + Width - 1) / Width;
        var packed = new float[blocks * k * Width];
        var ids = new int[blocks * Width];
        Array.Fill(ids, -1);
        for (var n = 0; n < ratees.Count; n++)
        {
            var block = n / Width;
            var lane = n % Width;
            ids[n] = ratees[n];
            var factor = Damping(rateeFactors.AsSpan(ratees[n] * k, k), damping);
            for (var f = 0; f < k; f++)
            {
                packed[(block * k * Width) + (f * Width) + lane] = factor * rateeFactors[(ratees[n] * k) + f];
            }
        }

        return new TopKScan(packed, ids, k);
    }

    /// <summary>1 / |y|^β: the weight of a ratee's factors in the scan.</summary>
    public static float Damping(ReadOnlySpan<float> factors, double damping) =>
        damping == 0 ? 1 : (float)Math.Pow(Math.Max(1e-6, Math.Sqrt(Vectors.Dot(factors, factors))), -damping);

    /// <summary>How many ratees are scanned.</summary>
    public int Count => _ids.Count(i => i >= 0);

    /// <summary>
    /// For each rater of <paramref name="raters"/>: up to <paramref name="size"/> candidates with a positive score that
    /// <paramref name="accept"/>(rater, ratee) allows, best first.
    /// </summary>
    public (int Ratee, float Score)[][] Top(float[] raterFactors, ReadOnlySpan<int> raters, int size, Func<int, int, bool> accept)
    {
        var k = _k;
        var heaps = new Heap[raters.Length];
        for (var r = 0; r < raters.Length; r++)
        {
            heaps[r] = new Heap(size);
        }

        var width = Vector<float>.Count;
        var blocks = _ids.Length / Width;
        for (var tile = 0; tile < blocks; tile += TileBlocks)
        {
            var tileEnd = Math.Min(blocks, tile + TileBlocks);
            for (var g = 0; g < raters.Length; g += 4)
            {
                // A group of four raters (the last one padded by repeating its first rater, whose extra lanes are ignored).
                var r0 = g;
                var r1 = Math.Min(g + 1, raters.Length - 1);
                var r2 = Math.Min(g + 2, raters.Length - 1);
                var r3 = Math.Min(g + 3, raters.Length - 1);
                var x0 = raterFactors.AsSpan(raters[r0] * k, k);
                var x1 = raterFactors.AsSpan(raters[r1] * k, k);
                var x2 = raterFactors.AsSpan(raters[r2] * k, k);
                var x3 = raterFactors.AsSpan(raters[r3] * k, k);
                var active = Math.Min(4, raters.Length - g);
                for (var block = tile; block < tileEnd; block++)
                {
                    var y = _packed.AsSpan(block * k * Width, k * Width);
                    Vector<float> a0 = default, b0 = default, a1 = default, b1 = default, a2 = default, b2 = default, a3 = default, b3 = default;
                    for (var f = 0; f < k; f++)
                    {
                        var ya = new Vector<float>(y[(f * Width)..]);
                        var yb = new Vector<float>(y[((f * Width) + width)..]);
                        var v0 = new Vector<float>(x0[f]);
                        var v1 = new Vector<float>(x1[f]);
                        var v2 = new Vector<float>(x2[f]);
                        var v3 = new Vector<float>(x3[f]);
                        a0 = Vector.FusedMultiplyAdd(v0, ya, a0);
                        b0 = Vector.FusedMultiplyAdd(v0, yb, b0);
                        a1 = Vector.FusedMultiplyAdd(v1, ya, a1);
                        b1 = Vector.FusedMultiplyAdd(v1, yb, b1);
                        a2 = Vector.FusedMultiplyAdd(v2, ya, a2);
                        b2 = Vector.FusedMultiplyAdd(v2, yb, b2);
                        a3 = Vector.FusedMultiplyAdd(v3, ya, a3);
                        b3 = Vector.FusedMultiplyAdd(v3, yb, b3);
                    }

                    var first = block * Width;
                    Offer(ref heaps[r0], raters[r0], a0, b0, first, accept);
                    if (active > 1)
                    {
                        Offer(ref heaps[r1], raters[r1], a1, b1, first, accept);
                    }

                    if (active > 2)
                    {
                        Offer(ref heaps[r2], raters[r2], a2, b2, first, accept);
                    }

                    if (active > 3)
                    {
                        Offer(ref heaps[r3], raters[r3], a3, b3, first, accept);
                    }
                }
            }
        }

        var result = new (int Ratee, float Score)[raters.Length][];
        for (var r = 0; r < raters.Length; r++)
        {
            result[r] = heaps[r].Sorted();
        }

        return result;
    }

    private void Offer(ref Heap heap, int rater, Vector<float> low, Vector<float> high, int first, Func<int, int, bool> accept)
    {
        var floor = new Vector<float>(heap.Floor);
        var lowAbove = Vector.GreaterThanAny(low, floor);
        var highAbove = Vector.GreaterThanAny(high, floor);
        if (!lowAbove && !highAbove)
        {
            return;
        }

        var width = Vector<float>.Count;
        for (var lane = 0; lane < Width; lane++)
        {
            var score = lane < width ? low[lane] : high[lane - width];
            if (score > heap.Floor && _ids[first + lane] is var ratee and >= 0 && accept(rater, ratee))
            {
                heap.Push(ratee, score);
            }
        }
    }

    /// <summary>A bounded min-heap of (ratee, score): the root is the worst kept, the floor a new score must beat.</summary>
    private struct Heap(int size)
    {
        private readonly int[] _ratees = new int[size];
        private readonly float[] _scores = new float[size];
        private int _count;

        /// <summary>Scores at or below this cannot enter (0 until full: only positive scores count).</summary>
        public readonly float Floor => _count < _scores.Length ? 0 : _scores[0];

        public void Push(int ratee, float score)
        {
            if (_scores.Length == 0)
            {
                return;
            }

            int at;
            if (_count < _scores.Length)
            {
                // Sift up from the end.
                at = _count++;
                while (at > 0 && _scores[(at - 1) / 2] > score)
                {
                    _scores[at] = _scores[(at - 1) / 2];
                    _ratees[at] = _ratees[(at - 1) / 2];
                    at = (at - 1) / 2;
                }
            }
            else
            {
                // Replace the root, sift down.
                at = 0;
                while (true)
                {
                    var child = (2 * at) + 1;
                    if (child >= _count)
                    {
                        break;
                    }

                    if (child + 1 < _count && _scores[child + 1] < _scores[child])
                    {
                        child++;
                    }

                    if (_scores[child] >= score)
                    {
                        break;
                    }

                    _scores[at] = _scores[child];
                    _ratees[at] = _ratees[child];
                    at = child;
                }
            }

            _scores[at] = score;
            _ratees[at] = ratee;
        }

        /// <summary>The kept candidates, best first (ties by ratee index).</summary>
        public readonly (int Ratee, float Score)[] Sorted()
        {
            var result = new (int Ratee, float Score)[_count];
            for (var n = 0; n < _count; n++)
            {
                result[n] = (_ratees[n], _scores[n]);
            }

            Array.Sort(result, (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Ratee.CompareTo(b.Ratee));
            return result;
        }
    }
}
