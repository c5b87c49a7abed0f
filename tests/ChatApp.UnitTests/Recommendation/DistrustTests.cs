using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>
/// The distrusted are never recommended (<see cref="DistrustRule"/>), on any configured scale: generated data with
/// planted distrusted people who would otherwise rank high.
/// </summary>
public sealed class DistrustTests
{
    private const int Raters = 150;
    private const int PopularScammer = 1000; // rated by 90% of the raters, more often at the bottom than at the top
    private const int NewScammer = 1001; // three ratings, all at the bottom of the scale
    private const int ManyMildlyNegative = 1002; // rated by 60%, a little below neutral each time
    private const int LikedNewcomer = 1003; // three ratings, all at the top of the scale

    private static (List<(int, int, double)> Ratings, RatingScale Scale) Community(double min, double max, double neutral, int seed)
    {
        var scale = new RatingScale(min, max, neutral);
        var random = new Random(seed);
        var up = max - neutral;
        var quality = Enumerable.Range(0, 60).Select(_ => neutral + ((0.15 + (0.7 * random.NextDouble())) * up)).ToArray();
        var ratings = new List<(int, int, double)>();
        double Noisy(double value) => scale.Clamp(Math.Round(value + ((random.NextDouble() - 0.5) * up * 0.6)));
        for (var u = 0; u < Raters; u++)
        {
            for (var i = 0; i < quality.Length; i++)
            {
                if (random.NextDouble() < 0.3)
                {
                    ratings.Add((u, i, Noisy(quality[i])));
                }
            }

            if (random.NextDouble() < 0.9)
            {
                ratings.Add((u, PopularScammer, random.NextDouble() < 0.6 ? min : max));
            }

            if (random.NextDouble() < 0.6)
            {
                ratings.Add((u, ManyMildlyNegative, Noisy(neutral - (0.25 * up))));
            }
        }

        ratings.AddRange([(0, NewScammer, min), (1, NewScammer, min), (2, NewScammer, min)]);
        ratings.AddRange([(3, LikedNewcomer, max), (4, LikedNewcomer, max), (5, LikedNewcomer, max)]);
        return (ratings, scale);
    }

    [Theory]
    [InlineData(1, 5, 3)]
    [InlineData(-10, 10, 0)]
    public void The_planted_distrusted_never_appear_in_any_top_10_though_they_would_rank_high(double min, double max, double neutral)
    {
        var (ratings, scale) = Community(min, max, neutral, seed: 8);
        var data = RatingData<int>.From(ratings, scale);
        var model = Recommender.Train(data, new RecommenderOptions());
        var rated = ratings.GroupBy(r => r.Item1).ToDictionary(g => g.Key, g => g.Select(r => r.Item2).ToHashSet());
        int[] planted = [PopularScammer, NewScammer, ManyMildlyNegative];

        // Without the rule, the popular scammer leads the affinity of those who have not rated them yet.
        var affinity = Affinity.Train(data, new RecommenderOptions());
        var scores = new float[data.Ratees.Length];
        var wouldRankHigh = 0;
        for (var u = 0; u < data.Raters.Length; u++)
        {
            affinity.Scores(u, scores);
            var mine = rated[data.Raters[u]];
            var top = Enumerable.Range(0, scores.Length).Where(i => !mine.Contains(data.Ratees[i])).OrderByDescending(i => scores[i]).Take(10);
            wouldRankHigh += top.Any(i => data.Ratees[i] == PopularScammer) ? 1 : 0;
        }

        Assert.True(wouldRankHigh > 0, "the popular scammer never reaches an unfiltered affinity top 10: the test plants nothing");
        Assert.All(planted, id => Assert.True(model.IsDistrusted(Array.IndexOf(data.Ratees, id)), $"{id} is not distrusted"));
        Assert.False(model.IsDistrusted(Array.IndexOf(data.Ratees, LikedNewcomer)));

        var lists = 0;
        for (var u = -1; u < data.Raters.Length; u++) // -1: a new rater (cold start)
        {
            var mine = u >= 0 ? rated[data.Raters[u]] : [];
            var top = model.Recommend(u, 10, i => !mine.Contains(data.Ratees[i]));
            Assert.Equal(10, top.Count);
            Assert.All(top, r => Assert.DoesNotContain(data.Ratees[r.Ratee], planted));
            lists++;
        }

        Assert.Equal(Raters + 1, lists);

        // The liked newcomer stays eligible: a list long enough to hold everyone allowed holds them.
        var everyone = model.Recommend(6, data.Ratees.Length, i => !rated[6].Contains(data.Ratees[i])).Select(r => data.Ratees[r.Ratee]).ToList();
        Assert.Contains(LikedNewcomer, everyone);
        Assert.DoesNotContain(everyone, planted.Contains);
    }

    [Theory]
    [InlineData(1, 5, 3)]
    [InlineData(-10, 10, 0)]
    public void Few_clearly_negative_ratings_distrust_and_few_clearly_positive_ones_do_not(double min, double max, double neutral)
    {
        var (ratings, scale) = Community(min, max, neutral, seed: 9);
        var rule = DistrustRule.Fit(RatingData<int>.From(ratings, scale), priorWeight: 10);

        Assert.True(rule.IsDistrusted(2, 2 * min), "two ratings at the bottom");
        Assert.True(rule.ProbabilityBelowNeutral(2, 2 * min) > 0.9);
        Assert.False(rule.IsDistrusted(1, max), "one rating at the top");
        Assert.False(rule.IsDistrusted(3, 3 * max), "three ratings at the top");
        Assert.False(rule.IsDistrusted(0, 0), "no rating: no evidence");
        Assert.True(rule.IsDistrusted(200, 200 * (neutral - (0.05 * (max - neutral)))), "many ratings a little below neutral");
        Assert.False(rule.IsDistrusted(200, 200 * (neutral + (0.25 * (max - neutral)))), "many ratings well above neutral");
    }

    [Fact]
    public void The_rule_states_its_confidence_as_a_posterior_probability()
    {
        // m₀ 3.5, σ² 1, κ 4: two ratings of 1 give the posterior N((4·3.5 + 2)/6, 1/6) = N(2.667, 0.408²): P(μ < 3) = Φ(0.816) ≈ 0.793.
        var rule = new DistrustRule(RatingScale.OneToFive, new DistrustPrior(3.5, 1, 4), priorWeight: 10, confidence: 0.9);

        Assert.Equal(0.793, rule.ProbabilityBelowNeutral(2, 2), 3);
        Assert.True(rule.IsDistrusted(2, 2)); // 0.793 > 1 − 0.9
        Assert.Equal((35 + 2) / 12.0, rule.ShrunkMean(2, 2), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DistrustRule(RatingScale.OneToFive, new DistrustPrior(3.5, 1, 4), 10, confidence: 0.4));
    }

    [Theory]
    [InlineData(1, 5, 3, 4)]
    [InlineData(-10, 10, 0, 5)]
    [InlineData(0, 10, 5, 7.5)]
    public void Thresholds_derive_from_the_configured_scale(double min, double max, double neutral, double liked)
    {
        Assert.Equal(liked, new RatingScale(min, max, neutral).Liked);
    }

    [Theory]
    [InlineData(5, 1, 3)]
    [InlineData(1, 5, 5)]
    [InlineData(1, 5, 1)]
    [InlineData(1, 5, double.NaN)]
    public void A_scale_without_minimum_below_neutral_below_maximum_is_refused(double min, double max, double neutral)
    {
        Assert.NotNull(RatingScale.Problem(min, max, neutral));
        Assert.Throws<ArgumentException>(() => new RatingScale(min, max, neutral));
    }

    [Fact]
    public void A_rating_off_the_scale_is_refused_instead_of_widening_it()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RatingData<int>.From([(1, 2, 4), (1, 3, 7)], RatingScale.OneToFive));
    }
}
