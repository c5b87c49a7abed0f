using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>
/// Implicit factors blended with EASE (<see cref="RecommenderOptions.BlendImplicitWeight"/>): EASE only knows ratees
/// with at least <see cref="RecommenderOptions.AffinityMinRatings"/> ratings, the implicit factors know everyone, so a
/// newcomer with a few good ratings from one community reaches that community's lists through the blend.
/// </summary>
public sealed class ImplicitBlendTests
{
    private const int Newcomer = 1000;

    /// <summary>
    /// Two communities of 60 raters, each with 20 ratees of its own that its members rate well (about half of them
    /// each) and now and then one of the other community's, rated badly; the newcomer has 3 good ratings from
    /// community A (raters 0, 2 and 4), fewer than EASE's minimum of 5.
    /// </summary>
    private static RatingData<int> TwoCommunities()
    {
        var random = new Random(11);
        var ratings = new List<(int, int, double)>();
        for (var u = 0; u < 120; u++)
        {
            var community = u < 60 ? 0 : 1;
            for (var i = 0; i < 40; i++)
            {
                var own = i / 20 == community;
                if (random.NextDouble() < (own ? 0.5 : 0.05))
                {
                    ratings.Add((u, 200 + i, own ? 4 + random.Next(2) : 1 + random.Next(2)));
                }
            }
        }

        ratings.AddRange([(0, Newcomer, 5), (2, Newcomer, 5), (4, Newcomer, 5)]);
        return RatingData<int>.From(ratings, RatingScale.OneToFive);
    }

    /// <summary>In how many top-12 lists of raters fromRater..toRater − 1 the ratee is (each community has 20 ratees of its own, about 10 unrated per rater).</summary>
    private static int ListsHolding(Recommender model, RatingData<int> data, int ratee, int fromRater, int toRater)
    {
        var index = Array.IndexOf(data.Ratees, ratee);
        return model.RecommendAll(12, (_, _) => true, CancellationToken.None)
            .Count(list => data.Raters[list.Rater] >= fromRater && data.Raters[list.Rater] < toRater && list.Top.Any(t => t.Ratee == index));
    }

    [Fact]
    public void A_newcomer_below_EASEs_minimum_reaches_its_communitys_lists_through_the_blend_far_more_than_the_others()
    {
        var data = TwoCommunities();
        var blended = Recommender.Train(data, new RecommenderOptions());
        var easeAlone = Recommender.Train(data, new RecommenderOptions { BlendImplicitWeight = 0 });

        Assert.Equal("EASE affinity", blended.CandidateSource);
        var withBlend = ListsHolding(blended, data, Newcomer, 0, 60);
        var withoutBlend = ListsHolding(easeAlone, data, Newcomer, 0, 60);
        Assert.True(withBlend >= 20, $"the newcomer is in {withBlend} of community A's 57 other lists with the blend");
        Assert.Equal(0, withoutBlend);
        var otherCommunity = ListsHolding(blended, data, Newcomer, 60, 120);
        Assert.True(otherCommunity * 5 <= withBlend, $"the newcomer is in {otherCommunity} of community B's lists, {withBlend} of A's");
    }

    [Fact]
    public void The_blend_never_brings_a_distrusted_ratee_into_a_list()
    {
        var data = TwoCommunities();
        var withScammer = RatingData<int>.From(
            [.. Enumerable.Range(0, data.Count).Select(k => (data.Raters[data.RaterIndex[k]], data.Ratees[data.RateeIndex[k]], (double)data.Values[k])),
             .. Enumerable.Range(0, 30).Select(u => (u * 2, 2000, u < 3 ? 5.0 : 1.0))],
            RatingScale.OneToFive);
        var model = Recommender.Train(withScammer, new RecommenderOptions { BlendImplicitWeight = 5 });
        var scammer = Array.IndexOf(withScammer.Ratees, 2000);

        Assert.True(model.IsDistrusted(scammer));
        Assert.DoesNotContain(model.RecommendAll(40, (_, _) => true, CancellationToken.None), list => list.Top.Any(t => t.Ratee == scammer));
    }
}
