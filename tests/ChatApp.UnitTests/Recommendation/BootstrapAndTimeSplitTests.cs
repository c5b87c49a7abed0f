using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The paired bootstrap of a difference between two models and the time split of the evaluation.</summary>
public sealed class BootstrapAndTimeSplitTests
{
    [Fact]
    public void The_interval_covers_the_known_difference_of_the_means_and_excludes_zero_when_the_difference_is_clear()
    {
        // Per-unit values of two models whose true means differ by exactly -0.3, with shared per-unit noise (pairing).
        var random = new Random(5);
        var shared = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() * 2).ToArray();
        var model = shared.Select(v => v - 0.3 + ((random.NextDouble() - 0.5) * 0.2)).ToArray();
        var reference = shared.Select(v => v + ((random.NextDouble() - 0.5) * 0.2)).ToArray();

        var interval = Bootstrap.PairedDifference(model, reference, 1000, seed: 1);

        Assert.InRange(interval.Estimate, -0.31, -0.29);
        Assert.True(interval.Low < -0.3 && interval.High > -0.3, $"[{interval.Low}, {interval.High}] misses -0.3");
        Assert.True(interval.Low <= interval.Estimate && interval.Estimate <= interval.High);
        Assert.True(interval.BelowZero);
        Assert.True(interval.High - interval.Low < 0.02, "pairing removes the shared noise, so the interval is narrow");
    }

    [Fact]
    public void With_no_difference_the_interval_includes_zero()
    {
        var random = new Random(8);
        var model = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        var reference = model.Select(v => v + ((random.NextDouble() - 0.5) * 0.5)).ToArray(); // mean difference ~0

        var interval = Bootstrap.PairedDifference(model, reference, 1000, seed: 2);

        Assert.False(interval.BelowZero || interval.AboveZero, $"[{interval.Low}, {interval.High}] should include 0");
    }

    [Fact]
    public void Finish_turns_mean_squared_errors_into_an_RMSE_difference()
    {
        double[] model = [1, 1, 1, 1];      // RMSE 1
        double[] reference = [4, 4, 4, 4];  // RMSE 2

        var interval = Bootstrap.PairedDifference(model, reference, 200, seed: 3, Math.Sqrt);

        Assert.Equal(-1, interval.Estimate, 12);
        Assert.Equal(-1, interval.Low, 12);
        Assert.Equal(-1, interval.High, 12);
    }

    [Fact]
    public void The_bootstrap_is_deterministic_per_seed_and_changes_with_it()
    {
        var random = new Random(4);
        var model = Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray();
        var reference = Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray();

        var first = Bootstrap.PairedDifference(model, reference, 500, seed: 11);
        var again = Bootstrap.PairedDifference(model, reference, 500, seed: 11);
        var other = Bootstrap.PairedDifference(model, reference, 500, seed: 12);

        Assert.Equal(first, again);
        Assert.NotEqual(first.Low, other.Low);
        Assert.Equal(first.Estimate, other.Estimate);
    }

    [Fact]
    public void The_time_split_tests_on_the_latest_share_whatever_the_input_order()
    {
        var timestamps = Enumerable.Range(0, 100).Select(t => (long)((t * 37) % 100)).ToArray(); // 0..99, shuffled

        var isTest = TimeSplit.Split(timestamps, 0.2, out var error)!;

        Assert.Null(error);
        Assert.Equal(20, isTest.Count(t => t));
        for (var k = 0; k < timestamps.Length; k++)
        {
            Assert.Equal(timestamps[k] >= 80, isTest[k]);
        }
    }

    [Fact]
    public void Ratings_with_the_boundary_timestamp_all_stay_on_one_side()
    {
        // 70 ratings before time 50, 20 at time 50 exactly, 10 after: the 80/20 boundary falls inside the tie.
        long[] timestamps = [.. Enumerable.Repeat(10L, 70), .. Enumerable.Repeat(50L, 20), .. Enumerable.Repeat(90L, 10)];

        var isTest = TimeSplit.Split(timestamps, 0.2, out _)!;

        var atBoundary = timestamps.Select((t, k) => (t, k)).Where(p => p.t == 50).Select(p => isTest[p.k]).Distinct().ToList();
        Assert.Single(atBoundary);
        Assert.All(timestamps.Select((t, k) => (t, k)).Where(p => p.t == 10), p => Assert.False(isTest[p.k]));
        Assert.All(timestamps.Select((t, k) => (t, k)).Where(p => p.t == 90), p => Assert.True(isTest[p.k]));
        // 30 test ratings (tie to the test) are as far from 20 as 10 (tie to training): equal distance goes to the smaller training side.
        Assert.Equal(30, isTest.Count(t => t));
    }

    [Fact]
    public void A_single_timestamp_cannot_be_split()
    {
        Assert.Null(TimeSplit.Split([5L, 5L, 5L], 0.2, out var error));
        Assert.Contains("one timestamp", error, StringComparison.Ordinal);
    }
}
