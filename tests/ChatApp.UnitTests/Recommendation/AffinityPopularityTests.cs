using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The affinity's popularity normalisation (<see cref="RecommenderOptions.AffinityPopularityExponent"/>).</summary>
public sealed class AffinityPopularityTests
{
    /// <summary>
    /// 200 raters and 80 ratees whose popularity falls off as a power law (ratee 0 rated by about 60% of the raters,
    /// ratee 79 by about 6%), two taste groups so the affinity has structure, ratings 1..5.
    /// </summary>
    private static RatingData<int> PowerLawRatings()
    {
        var random = new Random(5);
        var ratings = new List<(int, int, double)>();
        for (var u = 0; u < 200; u++)
        {
            for (var i = 0; i < 80; i++)
            {
                if (random.NextDouble() < 0.6 * Math.Pow(i + 1, -0.55))
                {
                    var agree = (u % 2 == 0) == (i % 2 == 0);
                    ratings.Add((u, i, Math.Clamp((agree ? 4.5 : 2) + ((random.NextDouble() - 0.5) * 2), 1, 5)));
                }
            }
        }

        return RatingData<int>.From(ratings.Select(r => (r.Item1, r.Item2, Math.Round(r.Item3))).ToList(), RatingScale.OneToFive);
    }

    private static int[] Counts(RatingData<int> data)
    {
        var counts = new int[data.Ratees.Length];
        foreach (var i in data.RateeIndex)
        {
            counts[i]++;
        }

        return counts;
    }

    [Fact]
    public void Each_ratees_affinity_is_divided_by_its_number_of_ratings_to_the_power()
    {
        var data = PowerLawRatings();
        var counts = Counts(data);
        var plain = Affinity.Train(data, new RecommenderOptions { AffinityPopularityExponent = 0 });
        var normalised = Affinity.Train(data, new RecommenderOptions { AffinityPopularityExponent = 0.5 });
        var before = new float[data.Ratees.Length];
        var after = new float[data.Ratees.Length];
        var checkedScores = 0;
        for (var rater = 0; rater < data.Raters.Length; rater += 17)
        {
            plain.Scores(rater, before);
            normalised.Scores(rater, after);
            for (var i = 0; i < before.Length; i++)
            {
                var expected = before[i] / Math.Sqrt(counts[i]);
                Assert.True(Math.Abs(after[i] - expected) <= 1e-5 * (1 + Math.Abs(expected)), $"rater {rater}, ratee {i}: {after[i]} instead of {expected}");
                checkedScores += before[i] != 0 ? 1 : 0;
            }
        }

        Assert.True(checkedScores > 500, $"only {checkedScores} non-zero affinities compared");
    }

    [Fact]
    public void Normalising_reorders_two_ratees_only_in_favour_of_the_less_rated_one()
    {
        var data = PowerLawRatings();
        var counts = Counts(data);
        var plain = Affinity.Train(data, new RecommenderOptions());
        var normalised = Affinity.Train(data, new RecommenderOptions { AffinityPopularityExponent = 0.3 });
        var before = new float[data.Ratees.Length];
        var after = new float[data.Ratees.Length];
        var flips = 0;
        for (var rater = 0; rater < data.Raters.Length; rater++)
        {
            plain.Scores(rater, before);
            normalised.Scores(rater, after);
            var positive = Enumerable.Range(0, before.Length).Where(i => before[i] > 0).ToArray();
            foreach (var a in positive)
            {
                foreach (var b in positive)
                {
                    if (before[a] > before[b] && after[a] < after[b])
                    {
                        // a led without the normalisation and fell behind with it: only its popularity can explain that.
                        Assert.True(counts[a] > counts[b], $"rater {rater}: ratee {a} ({counts[a]} ratings) fell behind {b} ({counts[b]} ratings)");
                        flips++;
                    }
                }
            }
        }

        Assert.True(flips > 0, "the normalisation never changed an order: the test shows nothing");
    }
}
