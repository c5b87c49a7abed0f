using System.Globalization;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The evaluation tool's synthetic signed networks (<see cref="SyntheticNetwork"/>, issue 20 part C).</summary>
public sealed class SyntheticNetworkTests
{
    private const int People = 3000;
    private const int Ratings = 40_000;

    private static readonly Lazy<(List<(int Rater, int Ratee, int Value, long Time)> Ratings, SyntheticPerson[] People)> Network =
        new(() => Generate(new SyntheticNetworkOptions(People, Ratings, Seed: 5)));

    [Fact]
    public void The_same_seed_gives_the_same_network_and_another_seed_another()
    {
        var options = new SyntheticNetworkOptions(500, 4000, Seed: 7, Communities: 4, BadActorShare: 0.1);

        var first = Text(options);
        var second = Text(options);
        var other = Text(options with { Seed = 8 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void It_has_the_sizes_asked_for_at_most_one_rating_per_pair_and_no_self_ratings()
    {
        var (ratings, people) = Network.Value;

        Assert.Equal(Ratings, ratings.Count);
        Assert.Equal(Enumerable.Range(1, People), people.Select(p => p.Id));
        Assert.All(ratings, r => Assert.InRange(r.Rater, 1, People));
        Assert.All(ratings, r => Assert.InRange(r.Ratee, 1, People));
        Assert.DoesNotContain(ratings, r => r.Rater == r.Ratee);
        Assert.Equal(Ratings, ratings.Select(r => (r.Rater, r.Ratee)).Distinct().Count());
        Assert.True(ratings.Select(r => r.Ratee).Distinct().Count() > People * 0.8, "most people receive some rating");
        Assert.Equal(8, people.Select(p => p.Community).Distinct().Count());
    }

    [Fact]
    public void Degrees_are_heavy_tailed_in_and_out()
    {
        var (ratings, _) = Network.Value;

        foreach (var degrees in new[] { ratings.CountBy(r => r.Ratee), ratings.CountBy(r => r.Rater) })
        {
            var sorted = degrees.Select(d => d.Value).OrderDescending().ToList();
            var topShare = sorted.Take(People / 100).Sum() / (double)Ratings;
            Assert.True(topShare > 0.08, $"the top 1% hold {topShare:P1} of the ratings");
            Assert.True(sorted[0] > 20 * sorted[sorted.Count / 2], $"largest degree {sorted[0]}, median {sorted[sorted.Count / 2]}");
        }
    }

    [Fact]
    public void Bad_actors_are_rated_negatively_and_everyone_else_positively_with_some_distrust()
    {
        var (ratings, people) = Network.Value;

        var received = ratings.GroupBy(r => people[r.Ratee - 1].BadActor).ToDictionary(g => g.Key, g => g.Average(r => r.Value));
        var bad = people.Where(p => p.BadActor).ToList();
        Assert.InRange(bad.Count, People * 0.03, People * 0.07); // the default share, 5%
        Assert.True(received[true] < 0, $"bad actors' mean received rating {received[true]:F2}");
        Assert.True(received[false] > 0, $"others' mean received rating {received[false]:F2}");
        var negative = ratings.Count(r => r.Value < 0) / (double)Ratings;
        Assert.InRange(negative, 0.05, 0.4); // most positive, some negative
    }

    [Fact]
    public void People_mostly_rate_their_own_community_and_trust_it_more()
    {
        var (ratings, people) = Network.Value;

        var within = ratings.Where(r => people[r.Rater - 1].Community == people[r.Ratee - 1].Community).ToList();
        var across = ratings.Where(r => people[r.Rater - 1].Community != people[r.Ratee - 1].Community).ToList();
        Assert.True(within.Count > 0.6 * Ratings, $"{within.Count} of {Ratings} within a community");
        Assert.True(within.Average(r => r.Value) > across.Average(r => r.Value) + 2);
    }

    [Fact]
    public void Time_never_goes_back_nobody_is_rated_before_joining_and_people_keep_joining()
    {
        var (ratings, people) = Network.Value;

        Assert.All(ratings.Zip(ratings.Skip(1)), pair => Assert.True(pair.First.Time <= pair.Second.Time));
        Assert.All(ratings, r => Assert.True(people[r.Rater - 1].Joined <= r.Time && people[r.Ratee - 1].Joined <= r.Time));
        Assert.Equal(people.Select(p => p.Joined).Order(), people.Select(p => p.Joined)); // ids in joining order
        var first = ratings[0].Time;
        var last = ratings[^1].Time;
        Assert.True(people.Count(p => p.Joined > first + ((last - first) / 2)) > People / 3, "a third of the people join in the second half");
    }

    [Fact]
    public void Ratings_are_whole_numbers_on_minus_10_to_plus_10()
    {
        var (ratings, _) = Network.Value;

        Assert.All(ratings, r => Assert.InRange(r.Value, -10, 10));
        Assert.Contains(ratings, r => r.Value == -10);
        Assert.Contains(ratings, r => r.Value == 10);
    }

    [Theory]
    [InlineData(1, 10, 8, 0.05, "--people must be at least 2")]
    [InlineData(100, 0, 8, 0.05, "--ratings must be at least 1")]
    [InlineData(100, 991, 8, 0.05, "--ratings must be at most a tenth")]
    [InlineData(100, 500, 0, 0.05, "--communities must lie between 1 and --people")]
    [InlineData(100, 500, 8, 1.0, "--bad-actors must lie in [0, 1)")]
    public void Impossible_options_are_refused_with_a_reason(int people, int ratings, int communities, double badActors, string reason)
    {
        var problem = new SyntheticNetworkOptions(people, ratings, Communities: communities, BadActorShare: badActors).Problem();

        Assert.NotNull(problem);
        Assert.StartsWith(reason, problem, StringComparison.Ordinal);
    }

    private static string Text(SyntheticNetworkOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticNetwork.Generate(options, writer);
        return writer.ToString();
    }

    private static (List<(int, int, int, long)>, SyntheticPerson[]) Generate(SyntheticNetworkOptions options)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var people = SyntheticNetwork.Generate(options, writer);
        var ratings = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r').Split('\t'))
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), int.Parse(p[1], CultureInfo.InvariantCulture),
                int.Parse(p[2], CultureInfo.InvariantCulture), long.Parse(p[3], CultureInfo.InvariantCulture)))
            .ToList();
        return (ratings, people);
    }
}
