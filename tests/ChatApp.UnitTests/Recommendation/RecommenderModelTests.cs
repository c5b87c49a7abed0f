using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>The model on small generated data with known structure (no external data set).</summary>
public sealed class RecommenderModelTests
{
    /// <summary>
    /// Two taste groups: raters 0..39 like ratees 0..29 (5) and dislike 30..59 (1), raters 40..79 the opposite; each
    /// rater rated a random 40% of the ratees. True rating = group agreement, plus a personal and a ratee bias.
    /// <paramref name="disliked"/> at 1.5 puts every ratee's mean at the neutral 3, where the distrust rule
    /// (<see cref="DistrustRule"/>) keeps everyone out of recommendations; tests that recommend raise it.
    /// </summary>
    private static (List<(int, int, double)> Train, List<(int, int, double)> Test, Func<int, int, double> Truth) TwoGroups(int seed, double disliked = 1.5)
    {
        var random = new Random(seed);
        var raterBias = Enumerable.Range(0, 80).Select(_ => (random.NextDouble() - 0.5) * 0.6).ToArray();
        var rateeBias = Enumerable.Range(0, 60).Select(_ => (random.NextDouble() - 0.5) * 0.6).ToArray();
        double Truth(int u, int i) => Math.Clamp(((u < 40) == (i < 30) ? 4.5 : disliked) + raterBias[u] + rateeBias[i], 1, 5);
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
        var data = RatingData<int>.From(train, RatingScale.OneToFive);
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
        var (train, test, truth) = TwoGroups(2, disliked: 2.5);
        var data = RatingData<int>.From(train, RatingScale.OneToFive);
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
    public void Someone_the_training_never_saw_is_predicted_by_the_biases_that_are_known()
    {
        var (train, _, _) = TwoGroups(2, disliked: 2.5);
        var data = RatingData<int>.From(train, RatingScale.OneToFive);
        var model = Recommender.Train(data, new RecommenderOptions());
        var baseline = Baseline.Train(data);

        for (var ratee = 0; ratee < data.Ratees.Length; ratee++)
        {
            Assert.Equal(baseline.Predict(-1, ratee), model.Predict(-1, ratee), 9);
        }

        for (var rater = 0; rater < data.Raters.Length; rater++)
        {
            Assert.Equal(baseline.Predict(rater, -1), model.Predict(rater, -1), 9);
        }
    }

    [Fact]
    public void The_same_ratings_on_a_signed_scale_give_the_same_recommendations_and_mapped_predictions()
    {
        // 1..5 neutral 3 → −10..+10 neutral 0: x ↦ 5(x − 3). Every threshold and the factorisation's units follow the scale.
        var (train, _, _) = TwoGroups(6, disliked: 2.5);
        var stars = RatingData<int>.From(train, RatingScale.OneToFive);
        var signed = RatingData<int>.From(train.Select(r => (r.Item1, r.Item2, 5 * (r.Item3 - 3))).ToList(), new RatingScale(-10, 10, 0));

        var onStars = Recommender.Train(stars, new RecommenderOptions());
        var onSigned = Recommender.Train(signed, new RecommenderOptions());

        for (var u = 0; u < 80; u += 7)
        {
            for (var i = 0; i < 60; i += 11)
            {
                // Only float rounding differs.
                Assert.InRange(Math.Abs((5 * (onStars.Predict(u, i) - 3)) - onSigned.Predict(u, i)), 0, 0.01);
            }

            Assert.Equal(onStars.Recommend(u, 10, _ => true).Select(r => r.Ratee), onSigned.Recommend(u, 10, _ => true).Select(r => r.Ratee));
        }

        Assert.Equal(
            Enumerable.Range(0, 60).Select(onStars.IsDistrusted),
            Enumerable.Range(0, 60).Select(onSigned.IsDistrusted));
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        var (train, _, _) = TwoGroups(3);
        var data = RatingData<int>.From(train, RatingScale.OneToFive);

        var first = Recommender.Train(data, new RecommenderOptions());
        var second = Recommender.Train(data, new RecommenderOptions());

        Assert.Equal(first.Predict(1, 2), second.Predict(1, 2), 12);
        Assert.Equal(first.Recommend(0, 5, _ => true).Select(r => r.Ratee), second.Recommend(0, 5, _ => true).Select(r => r.Ratee));
    }

    [Theory]
    [InlineData(70)] // blocks of 32, 32 and 6 (the last one not a multiple of the 4-row kernel)
    [InlineData(600)] // large enough for the parallel row updates
    public void The_blocked_inverse_of_a_symmetric_positive_definite_matrix_is_its_inverse(int n)
    {
        var random = new Random(n);
        // A = MᵀM + 5I, M with entries in [-1, 1): symmetric positive definite.
        var m = Enumerable.Range(0, n * n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = i == j ? 5 : 0;
                for (var k = 0; k < n; k++)
                {
                    sum += m[(k * n) + i] * m[(k * n) + j];
                }

                a[(i * n) + j] = sum;
            }
        }

        var inverse = a.Select(v => (float)v).ToArray();
        Affinity.InvertSymmetricPositiveDefinite(inverse, n);

        double worst = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double product = 0;
                for (var k = 0; k < n; k++)
                {
                    product += a[(i * n) + k] * inverse[(k * n) + j];
                }

                worst = Math.Max(worst, Math.Abs(product - (i == j ? 1 : 0)));
            }
        }

        Assert.True(worst < 1e-3, $"max |A·A⁻¹ − I| = {worst}");
    }

    [Fact]
    public void A_non_positive_definite_matrix_is_refused()
    {
        float[] matrix = [1, 2, 2, 1]; // eigenvalues 3 and -1

        Assert.Throws<ArithmeticException>(() => Affinity.InvertSymmetricPositiveDefinite(matrix, 2));
    }

    [Fact]
    public void Affinity_points_each_rater_at_the_ratees_their_group_likes()
    {
        // People mostly rate whom they are drawn to: half of the ratees of their own group, a tenth of the others.
        var random = new Random(4);
        static double Truth(int u, int i) => (u < 40) == (i < 30) ? 5 : 2;
        var train = new List<(int, int, double)>();
        for (var u = 0; u < 80; u++)
        {
            for (var i = 0; i < 60; i++)
            {
                if (random.NextDouble() < (Truth(u, i) > 3 ? 0.5 : 0.1))
                {
                    train.Add((u, i, Truth(u, i)));
                }
            }
        }

        Func<int, int, double> truth = Truth;
        var data = RatingData<int>.From(train, RatingScale.OneToFive);
        var affinity = Affinity.Train(data, new RecommenderOptions());
        var scores = new float[data.Ratees.Length];

        foreach (var rater in new[] { 5, 50 })
        {
            var u = Array.IndexOf(data.Raters, rater);
            var rated = train.Where(r => r.Item1 == rater).Select(r => r.Item2).ToHashSet();
            affinity.Scores(u, scores);
            var top = Enumerable.Range(0, scores.Length).Where(i => !rated.Contains(data.Ratees[i]))
                .OrderByDescending(i => scores[i]).Take(10).ToList();

            Assert.Equal(60, affinity.Size);
            Assert.All(top, i => Assert.True(truth(rater, data.Ratees[i]) >= 3.5, $"rater {rater}: ratee {data.Ratees[i]} is disliked"));
        }
    }

    [Fact]
    public void Ratees_with_too_few_ratings_stay_out_of_the_affinity_but_can_still_be_recommended()
    {
        var (train, _, truth) = TwoGroups(5, disliked: 2.5);
        var data = RatingData<int>.From(train, RatingScale.OneToFive);
        var options = new RecommenderOptions { AffinityMinRatings = 1000 };

        var affinity = Affinity.Train(data, options);
        var model = Recommender.Train(data, options);

        Assert.Equal(0, affinity.Size);
        Assert.False(affinity.Covers(0));
        var rated = train.Where(r => r.Item1 == 7).Select(r => r.Item2).ToHashSet();
        var top = model.Recommend(Array.IndexOf(data.Raters, 7), 5, i => !rated.Contains(data.Ratees[i]));
        Assert.Equal(5, top.Count);
        Assert.All(top, r => Assert.True(truth(7, data.Ratees[r.Ratee]) >= 3.5, $"recommended ratee {data.Ratees[r.Ratee]} is disliked"));
    }
}
