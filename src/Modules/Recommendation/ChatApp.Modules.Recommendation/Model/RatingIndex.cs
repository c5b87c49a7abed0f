namespace ChatApp.Modules.Recommendation.Model;

/// <summary>
/// The ratings in compressed sparse rows both ways (by rater and by ratee), built in O(ratings) with two counting
/// passes: 4 + 4 bytes per rating each way instead of a list per person. Each rater's row is sorted by ratee, so
/// <see cref="HasRated"/> is a binary search. The weight of a rating is its implicit-feedback weight: 1 at or above
/// the scale's "liked" threshold, <c>dislikedWeight</c> below it (as in <see cref="Affinity"/>).
/// </summary>
internal sealed class RatingIndex
{
    private RatingIndex(int[] raterOffsets, int[] raterRatees, float[] raterWeights, int[] rateeOffsets, int[] rateeRaters, float[] rateeWeights)
    {
        RaterOffsets = raterOffsets;
        RaterRatees = raterRatees;
        RaterWeights = raterWeights;
        RateeOffsets = rateeOffsets;
        RateeRaters = rateeRaters;
        RateeWeights = rateeWeights;
    }

    /// <summary>Rater u's ratings are positions [RaterOffsets[u], RaterOffsets[u + 1]) of <see cref="RaterRatees"/>.</summary>
    public int[] RaterOffsets { get; }

    public int[] RaterRatees { get; }

    public float[] RaterWeights { get; }

    /// <summary>Ratee i's ratings are positions [RateeOffsets[i], RateeOffsets[i + 1]) of <see cref="RateeRaters"/>.</summary>
    public int[] RateeOffsets { get; }

    public int[] RateeRaters { get; }

    public float[] RateeWeights { get; }

    public int Raters => RaterOffsets.Length - 1;

    public int Ratees => RateeOffsets.Length - 1;

    public static RatingIndex Build<TId>(RatingData<TId> data, double dislikedWeight)
        where TId : notnull
    {
        var liked = data.Scale.Liked;
        var disliked = (float)dislikedWeight;

        // By ratee first (counting sort on the ratee, raters in rating order), then by rater from it: walking ratees
        // in order leaves every rater's row sorted by ratee.
        var rateeOffsets = Offsets(data.RateeIndex, data.Ratees.Length);
        var rateeRaters = new int[data.Count];
        var rateeWeights = new float[data.Count];
        var next = rateeOffsets[..^1];
        for (var k = 0; k < data.Count; k++)
        {
            var at = next[data.RateeIndex[k]]++;
            rateeRaters[at] = data.RaterIndex[k];
            rateeWeights[at] = data.Values[k] >= liked ? 1f : disliked;
        }

        var raterOffsets = Offsets(data.RaterIndex, data.Raters.Length);
        var raterRatees = new int[data.Count];
        var raterWeights = new float[data.Count];
        next = raterOffsets[..^1];
        for (var i = 0; i < data.Ratees.Length; i++)
        {
            for (var at = rateeOffsets[i]; at < rateeOffsets[i + 1]; at++)
            {
                var to = next[rateeRaters[at]]++;
                raterRatees[to] = i;
                raterWeights[to] = rateeWeights[at];
            }
        }

        // Rows by ratee hold raters in rating order: sort them too (same raters, deterministic order).
        for (var i = 0; i < data.Ratees.Length; i++)
        {
            Array.Sort(rateeRaters, rateeWeights, rateeOffsets[i], rateeOffsets[i + 1] - rateeOffsets[i]);
        }

        return new RatingIndex(raterOffsets, raterRatees, raterWeights, rateeOffsets, rateeRaters, rateeWeights);
    }

    /// <summary>Whether the rater rated the ratee (binary search in the rater's sorted row).</summary>
    public bool HasRated(int rater, int ratee) =>
        rater >= 0 && rater < Raters && Array.BinarySearch(RaterRatees, RaterOffsets[rater], RaterOffsets[rater + 1] - RaterOffsets[rater], ratee) >= 0;

    /// <summary>How many ratings the rater gave.</summary>
    public int RaterCount(int rater) => RaterOffsets[rater + 1] - RaterOffsets[rater];

    private static int[] Offsets(int[] keys, int size)
    {
        var offsets = new int[size + 1];
        foreach (var key in keys)
        {
            offsets[key + 1]++;
        }

        for (var n = 0; n < size; n++)
        {
            offsets[n + 1] += offsets[n];
        }

        return offsets;
    }
}
