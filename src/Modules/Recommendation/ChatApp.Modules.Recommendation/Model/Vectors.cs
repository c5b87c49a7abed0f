using System.Numerics;

namespace ChatApp.Modules.Recommendation.Model;

/// <summary>The SIMD span arithmetic the models share (factor dot products, scaled row updates).</summary>
internal static class Vectors
{
    /// <summary>Σ a[i]·b[i].</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var width = Vector<float>.Count;
        var n = 0;
        for (; n <= a.Length - width; n += width)
        {
            sum += new Vector<float>(a[n..]) * new Vector<float>(b[n..]);
        }

        var total = Vector.Sum(sum);
        for (; n < a.Length; n++)
        {
            total += a[n] * b[n];
        }

        return total;
    }

    /// <summary>target += weight × source.</summary>
    public static void AddScaled(Span<float> target, ReadOnlySpan<float> source, float weight)
    {
        var width = Vector<float>.Count;
        var factor = new Vector<float>(weight);
        var c = 0;
        for (; c <= target.Length - width; c += width)
        {
            (new Vector<float>(target[c..]) + (factor * new Vector<float>(source[c..]))).CopyTo(target[c..]);
        }

        for (; c < target.Length; c++)
        {
            target[c] += weight * source[c];
        }
    }
}
