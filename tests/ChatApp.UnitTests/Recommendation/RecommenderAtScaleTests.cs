using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>
/// The model library at scale (issue 20 part D): the rating index, the implicit-feedback factors, the exact top-K scan,
/// whole-population candidate coverage, newcomers entering lists at the next training, and the batch API.
/// </summary>
public sealed class RecommenderAtScaleTests
{
    private static readonly RatingScale Signed = new(-10, 10, 0);

    /// <summary>
    /// Communities of <paramref name="size"/> people; everyone rates about <paramref name="degree"/> people of their own
    /// community (well) and a few outside it (badly); person ids are community × 1000 + n.
    /// </summary>
    private static List<(int Rater, int Ratee, double Value)> Communities(int communities, int size, int degree, int seed)
    {
        var random = new Random(seed);
        var ratings = new List<(int, int, double)>();
        for (var c = 0; c < communities; c++)
        {
            for (var n = 0; n < size; n++)
            {
                var rater = (c * 1000) + n;
                var chosen = new HashSet<int>();
                while (chosen.Count < degree)
                {
                    var m = random.Next(size);
                    if (m != n && chosen.Add((c * 1000) + m))
                    {
                        ratings.Add((rater, (c * 1000) + m, random.Next(4, 11)));
                    }
                }

                var other = (((c + 1 + random.Next(communities - 1)) % communities) * 1000) + random.Next(size);
                if (chosen.Add(other))
                {
                    ratings.Add((rater, other, random.Next(-6, 1)));
                }
            }
        }

        return ratings;
    }

    /// <summary>Implicit candidates whatever the size (EASE would take at most this many ratees).</summary>
    /// <summary>At most 20 ratees for EASE (so these networks use implicit factors); lists of 10 here, so exposure from the first place.</summary>
    private static RecommenderOptions Small => new() { AffinityMaxRatees = 20, ExposureAfter = 0 };

    [Fact]
    public void The_rating_index_holds_every_rating_both_ways_with_rater_rows_sorted()
    {
        var ratings = Communities(3, 30, 6, seed: 1);
        var data = RatingData<int>.From(ratings, Signed);
        var index = RatingIndex.Build(data, dislikedWeight: 0.5);
        Assert.Equal(data.Count, index.RaterRatees.Length);
        Assert.Equal(data.Count, index.RateeOffsets[^1]);
        for (var k = 0; k < data.Count; k++)
        {
            Assert.True(index.HasRated(data.RaterIndex[k], data.RateeIndex[k]));
        }

        for (var u = 0; u < index.Raters; u++)
        {
            var row = index.RaterRatees[index.RaterOffsets[u]..index.RaterOffsets[u + 1]];
            Assert.Equal(row.Order(), row);
            var weights = index.RaterWeights[index.RaterOffsets[u]..index.RaterOffsets[u + 1]];
            Assert.All(weights, w => Assert.True(w is 1f or 0.5f));
        }

        var pairs = data.RaterIndex.Zip(data.RateeIndex).ToHashSet();
        var unrated = Enumerable.Range(0, index.Raters).SelectMany(u => Enumerable.Range(0, index.Ratees).Select(i => (u, i))).First(p => !pairs.Contains(p));
        Assert.False(index.HasRated(unrated.u, unrated.i));
    }

    [Fact]
    public void The_top_k_scan_finds_exactly_the_best_positive_dot_products_that_are_accepted()
    {
        const int K = 12;
        var random = new Random(5);
        float[] Random(int rows) => Enumerable.Range(0, rows * K).Select(_ => (float)(random.NextDouble() - 0.3)).ToArray();
        var raters = Random(37);
        var ratees = Random(301);
        var candidates = Enumerable.Range(0, 301).Where(i => i % 7 != 0).ToArray(); // some ratees are not candidates
        var scan = TopKScan.Pack(ratees, K, candidates);
        Func<int, int, bool> accept = (u, i) => (u + i) % 5 != 0;
        var top = scan.Top(raters, Enumerable.Range(0, 37).ToArray(), 15, accept);
        for (var u = 0; u < 37; u++)
        {
            var expected = candidates.Where(i => accept(u, i))
                .Select(i => (Ratee: i, Score: Enumerable.Range(0, K).Sum(f => (double)raters[(u * K) + f] * ratees[(i * K) + f])))
                .Where(c => c.Score > 0).OrderByDescending(c => c.Score).Take(15).ToList();
            Assert.Equal(expected.Select(c => c.Ratee), top[u].Select(c => c.Ratee));
            Assert.All(top[u].Zip(expected), p => Assert.Equal(p.Second.Score, p.First.Score, 3));
        }
    }

    [Fact]
    public void Implicit_factors_give_a_rater_more_affinity_to_their_own_community()
    {
        var data = RatingData<int>.From(Communities(4, 40, 8, seed: 2), Signed);
        var index = RatingIndex.Build(data, 0.5);
        var factors = ImplicitFactors.Train(index, factors: 16, iterations: 6, regularization: 1, alpha: 3, seed: 7);
        int Community(int id) => id / 1000;
        double inside = 0, outside = 0;
        int nInside = 0, nOutside = 0;
        for (var u = 0; u < data.Raters.Length; u++)
        {
            for (var i = 0; i < data.Ratees.Length; i++)
            {
                if (index.HasRated(u, i))
                {
                    continue;
                }

                var score = factors.Score(u, i);
                if (Community(data.Raters[u]) == Community(data.Ratees[i]))
                {
                    inside += score;
                    nInside++;
                }
                else
                {
                    outside += score;
                    nOutside++;
                }
            }
        }

        Assert.True(inside / nInside > 3 * Math.Max(0.01, outside / nOutside), $"inside {inside / nInside}, outside {outside / nOutside}");
    }

    [Theory]
    [InlineData(3, true)] // implicit candidates with exposure slots: everyone
    [InlineData(0, false)] // implicit candidates ranked alone: not everyone
    public void Every_eligible_person_enters_some_list_with_implicit_candidates_and_exposure(int exposureRaters, bool everyone)
    {
        // More ratees than EASE may take (the old candidate set was the AffinityMaxRatees most rated: at most 20 here).
        var data = RatingData<int>.From(Communities(4, 60, 10, seed: 3), Signed);
        var options = Small with { ExposureRaters = exposureRaters };
        var model = Recommender.Train(data, options);
        var covered = new HashSet<int>();
        foreach (var (_, top) in model.RecommendAll(10, (u, i) => data.Raters[u] != data.Ratees[i], CancellationToken.None))
        {
            covered.UnionWith(top.Select(t => t.Ratee));
        }

        var eligible = Enumerable.Range(0, data.Ratees.Length).Where(i => !model.IsDistrusted(i)).ToList();
        Assert.True(eligible.Count > 200);
        Assert.Equal(everyone, eligible.All(covered.Contains));
    }

    [Fact]
    public void Exposure_slots_come_after_the_first_places_which_stay_the_best_matches()
    {
        var data = RatingData<int>.From(Communities(4, 60, 10, seed: 3), Signed);
        Func<int, int, bool> notSelf = (u, i) => data.Raters[u] != data.Ratees[i];
        var plain = Recommender.Train(data, Small with { ExposureRaters = 0 }).RecommendAll(30, notSelf, CancellationToken.None).ToList();
        var exposing = Recommender.Train(data, Small with { ExposureAfter = 10 });
        var ten = exposing.RecommendAll(10, notSelf, CancellationToken.None).ToList();
        var thirty = exposing.RecommendAll(30, notSelf, CancellationToken.None).ToList();

        var changedTails = 0;
        for (var n = 0; n < plain.Count; n++)
        {
            Assert.Equal(plain[n].Top.Take(10).Select(t => t.Ratee), ten[n].Top.Select(t => t.Ratee));
            Assert.Equal(plain[n].Top.Take(10).Select(t => t.Ratee), thirty[n].Top.Take(10).Select(t => t.Ratee));
            Assert.Equal(30, thirty[n].Top.Select(t => t.Ratee).Distinct().Count());
            changedTails += plain[n].Top.Select(t => t.Ratee).SequenceEqual(thirty[n].Top.Select(t => t.Ratee)) ? 0 : 1;
        }

        Assert.True(changedTails > 0, "exposure changed no list of 30");
    }

    [Fact]
    public void A_newcomer_with_a_few_good_ratings_from_one_community_enters_lists_at_the_next_training()
    {
        const int Newcomer = 999_999;
        var before = Communities(4, 60, 10, seed: 4);
        var after = before.Concat([(1000, Newcomer, 9.0), (1001, Newcomer, 10.0), (1002, Newcomer, 8.0)]).ToList();
        foreach (var (ratings, expected) in new[] { (before, false), (after, true) })
        {
            var data = RatingData<int>.From(ratings, Signed);
            var model = Recommender.Train(data, Small);
            var lists = model.RecommendAll(10, (u, i) => data.Raters[u] != data.Ratees[i], CancellationToken.None)
                .Where(r => r.Top.Any(t => data.Ratees[t.Ratee] == Newcomer)).Select(r => data.Raters[r.Rater]).ToList();
            Assert.Equal(expected, lists.Count > 0);
            if (expected)
            {
                // Recommended to their own community (1xxx), who did not rate them yet.
                Assert.All(lists, rater => Assert.Equal(1, rater / 1000));
                Assert.DoesNotContain(1000, lists);
            }
        }
    }

    [Theory]
    [InlineData(20)] // implicit factors
    [InlineData(3000)] // EASE
    public void Recommend_all_yields_every_rater_once_in_order_never_rated_distrusted_or_refused_and_as_recommend_ranks(int maxEaseRatees)
    {
        var ratings = Communities(3, 40, 8, seed: 6);
        // A planted distrusted person everyone in community 0 knows (rated at the bottom by many).
        ratings.AddRange(Enumerable.Range(0, 30).Select(n => (n, 777_777, -10.0)));
        var data = RatingData<int>.From(ratings, Signed);
        // Without the exposure slots, RecommendAll ranks as Recommend does (with them, see the coverage test).
        var model = Recommender.Train(data, new RecommenderOptions { AffinityMaxRatees = maxEaseRatees, ExposureRaters = 0 });
        var scammer = Array.IndexOf(data.Ratees, 777_777);
        Assert.True(model.IsDistrusted(scammer));
        var rated = ratings.Select(r => (r.Rater, r.Ratee)).ToHashSet();
        Func<int, int, bool> allowed = (u, i) => data.Raters[u] != data.Ratees[i] && data.Ratees[i] % 3 != 0;
        var all = model.RecommendAll(10, allowed, CancellationToken.None).ToList();
        Assert.Equal(Enumerable.Range(0, data.Raters.Length), all.Select(r => r.Rater));
        foreach (var (rater, top) in all)
        {
            Assert.True(top.Length <= 10);
            Assert.Equal(top.Length, top.Select(t => t.Ratee).Distinct().Count());
            Assert.All(top, t =>
            {
                Assert.NotEqual(scammer, t.Ratee);
                Assert.DoesNotContain((data.Raters[rater], data.Ratees[t.Ratee]), rated);
                Assert.True(allowed(rater, t.Ratee));
            });
            var single = model.Recommend(rater, 10, i => allowed(rater, i) && !rated.Contains((data.Raters[rater], data.Ratees[i])));
            Assert.Equal(single.Select(s => s.Ratee), top.Select(t => t.Ratee));
        }

        Assert.True(all.Count(r => r.Top.Length == 10) > data.Raters.Length * 0.9);
    }

    [Fact]
    public void Recommend_all_stops_when_cancelled()
    {
        var data = RatingData<int>.From(Communities(2, 30, 6, seed: 7), Signed);
        var model = Recommender.Train(data, Small with { RecommendBlock = 64 });
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => model.RecommendAll(5, (_, _) => true, cancellation.Token).ToList());
    }
}
