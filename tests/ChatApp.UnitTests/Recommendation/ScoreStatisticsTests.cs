using ChatApp.Modules.Recommendation.Scoring;

namespace ChatApp.UnitTests.Recommendation;

public sealed class ScoreStatisticsTests
{
    [Fact]
    public void Statistics_match_hand_computed_values()
    {
        // 1..5: mean 3, sample variance 2.5, t(0.975, 4) = 2.7764, half-width 2.7764 * sqrt(2.5) / sqrt(5) = 1.9632.
        var summary = ScoreStatistics.Summarize([1, 2, 3, 4, 5], globalMean: 4, priorWeight: 10, 1, 5);

        Assert.Equal(5, summary.Count);
        Assert.Equal(3, summary.Mean, 10);
        Assert.Equal(Math.Sqrt(2.5), summary.StandardDeviation, 10);
        Assert.Equal(3 - 1.9632, summary.ConfidenceLow, 3);
        Assert.Equal(3 + 1.9632, summary.ConfidenceHigh, 3);
        Assert.Equal((40.0 + 15) / 15, summary.ShrunkScore, 10); // (10 * 4 + 15) / (10 + 5)
    }

    [Fact]
    public void Thirty_ratings_give_the_textbook_interval()
    {
        // 15 fours and 15 fives: mean 4.5, s = sqrt(30 * 0.25 / 29), t(0.975, 29) = 2.0452.
        var ratings = Enumerable.Repeat(4.0, 15).Concat(Enumerable.Repeat(5.0, 15)).ToList();
        var summary = ScoreStatistics.Summarize(ratings, globalMean: 3, priorWeight: 10, 1, 5);

        var s = Math.Sqrt(30 * 0.25 / 29);
        Assert.Equal(s, summary.StandardDeviation, 10);
        Assert.Equal(4.5 - (2.0452 * s / Math.Sqrt(30)), summary.ConfidenceLow, 3);
        Assert.Equal(4.5 + (2.0452 * s / Math.Sqrt(30)), summary.ConfidenceHigh, 3);
        Assert.Equal((30.0 + 135) / 40, summary.ShrunkScore, 10);
    }

    [Fact]
    public void The_shrunk_score_behaves_at_the_extremes()
    {
        var perfect = Enumerable.Repeat(5.0, 30).ToList();

        // No prior: the plain mean.
        Assert.Equal(5, ScoreStatistics.Summarize(perfect, 3, priorWeight: 0, 1, 5).ShrunkScore, 10);
        // A huge prior: stays at the global mean.
        Assert.Equal(3, ScoreStatistics.Summarize(perfect, 3, priorWeight: 1e9, 1, 5).ShrunkScore, 5);
        // Many ratings outweigh the prior: 3,000 fives with a prior of 10 at 3 -> within 0.01 of 5.
        Assert.True(ScoreStatistics.Summarize(Enumerable.Repeat(5.0, 3000).ToList(), 3, 10, 1, 5).ShrunkScore > 4.99);
        // Always between the global mean and the profile's mean, and the interval stays on the scale.
        var summary = ScoreStatistics.Summarize(perfect, 3, 10, 1, 5);
        Assert.InRange(summary.ShrunkScore, 3, 5);
        Assert.Equal(5, summary.ConfidenceLow);
        Assert.Equal(5, summary.ConfidenceHigh);
        Assert.Throws<ArgumentException>(() => ScoreStatistics.Summarize([4], 3, 10, 1, 5));
    }
}
