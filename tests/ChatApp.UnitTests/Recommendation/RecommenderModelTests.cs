using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The model on small generated data with known structure (no external data set).</summary>
public sealed class RecommenderModelTests
{
    /// <summary>
    /// Two taste groups: raters 0..39 like ratees 0..29 (5) and dislike 30..59 (1), raters 40..79 the opposite; each
    /// rater rated a random 40% of the ratees. True rating = group agreement, plus a personal and a ratee bias.
    /// </summary>
    private static (List<(int, int, double)> Train, List<(int, int, double)> Test, Func<int, int, double> Truth) TwoGroups(int seed)
    {
        var random = new Random(seed);
        var raterBias = Enumerable.Range(0, 80).Select(_ => (random.NextDouble() - 0.5) * 0.6).ToArray();
        var rateeBias = Enumerable.Range(0, 60).Select(_ => (random.NextDouble() - 0.5) * 0.6).ToArray();
        double Truth(int u, int i) => Math.Clamp(((u < 40) == (i < 30) ? 4.5 : 1.5) + raterBias[u] + rateeBias[i], 1, 5);
        var train = new List<(int, int, double)>();
        var test = new List<(int, int, double)>();
        for (var u = 0; u < 80; u++)
        {
            for (var i = 0; i < 60; i++)
            {
                var draw = random.NextDouble();
                if (draw < 0.4)
                {
                    train.Add((u, i, Truth(u, i)));
                }
                else if (draw < 0.5)
                {
                    test.Add((u, i, Truth(u, i)));
                }
            }
        }

        return (train, test, Truth);
    }

    [Fact]
    public void Matrix_factorisation_recovers_a_known_low_rank_structure()
    {
        var (train, test, _) = TwoGroups(1);
        var data = RatingData<int>.From(train, 1, 5);
        var model = MatrixFactorization.Train(data, new MatrixFactorizationOptions { Factors = 5, Epochs = 60, LearningRate = 0.02, Regularization = 0.01 });
        var baseline = Baseline.Train(data);

        var mf = Evaluation.Evaluate(data, test, model.Predict, (_, _, _) => []);
        var biases = Evaluation.Evaluate(data, test, baseline.Predict, (_, _, _) => []);

        // Biases alone cannot tell the groups apart (error ~1.5); the factors can. Bound: RMSE below 0.35 on a 1..5 scale.
        Assert.True(biases.Rmse > 1.2, $"biases-only RMSE {biases.Rmse}");
        Assert.True(mf.Rmse < 0.35, $"MF RMSE {mf.Rmse}");
    }

    [Fact]
    public void The_blend_predicts_well_and_recommends_within_the_raters_group()
    {
        var (train, test, truth) = TwoGroups(2);
        var data = RatingData<int>.From(train, 1, 5);
        var model = Recommender.Train(data, new RecommenderOptions());
        var rated = train.GroupBy(r => r.Item1).ToDictionary(g => g.Key, g => g.Select(r => r.Item2).ToHashSet());

        var result = Evaluation.Evaluate(data, test, model.Predict, (u, n, allowed) => model.Recommend(u, n, allowed).Select(r => r.Ratee).ToList());

        Assert.True(result.Rmse < 0.45, $"blend RMSE {result.Rmse}");
        var raterIndex = Array.IndexOf(data.Raters, 3); // a rater of the first group
        var top = model.Recommend(raterIndex, 10, i => !rated[3].Contains(data.Ratees[i]));
        Assert.Equal(10, top.Count);
        Assert.All(top, r => Assert.True(truth(3, data.Ratees[r.Ratee]) >= 3.5, $"recommended ratee {data.Ratees[r.Ratee]} is disliked"));
        Assert.All(top, r => Assert.DoesNotContain(data.Ratees[r.Ratee], rated[3]));
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var (train, _, _) = TwoGroups(3);
        var data = RatingData<int>.From(train, 1, 5);

        var first = Recommender.Train(data, new RecommenderOptions());
        var second = Recommender.Train(data, new RecommenderOptions());

        Assert.Equal(first.Predict(1, 2), second.Predict(1, 2), 12);
        Assert.Equal(first.Recommend(0, 5, _ => true).Select(r => r.Ratee), second.Recommend(0, 5, _ => true).Select(r => r.Ratee));
    }
}
