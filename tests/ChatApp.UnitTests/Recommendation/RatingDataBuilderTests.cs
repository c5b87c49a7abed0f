using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.UnitTests.Recommendation;

public sealed class RatingDataBuilderTests
{
    [Fact]
    public void Ratings_added_one_at_a_time_past_the_capacity_give_the_same_dense_data_as_a_list()
    {
        var random = new Random(5);
        var ratings = Enumerable.Range(0, 1000).Select(_ => (random.Next(40), random.Next(60), (double)random.Next(-10, 11))).ToList();
        var scale = new RatingScale(-10, 10, 0);
        var builder = new RatingData<int>.Builder(scale, capacity: 3);
        foreach (var (rater, ratee, value) in ratings)
        {
            builder.Add(rater, ratee, value);
        }

        var streamed = builder.Build();
        var listed = RatingData<int>.From(ratings, scale);
        Assert.Equal(1000, streamed.Count);
        Assert.Equal(listed.Raters, streamed.Raters);
        Assert.Equal(listed.Ratees, streamed.Ratees);
        Assert.Equal(listed.RaterIndex, streamed.RaterIndex);
        Assert.Equal(listed.RateeIndex, streamed.RateeIndex);
        Assert.Equal(listed.Values, streamed.Values);
        for (var k = 0; k < ratings.Count; k++)
        {
            Assert.Equal(ratings[k].Item1, streamed.Raters[streamed.RaterIndex[k]]);
            Assert.Equal(ratings[k].Item2, streamed.Ratees[streamed.RateeIndex[k]]);
        }
    }

    [Fact]
    public void A_rating_off_the_scale_is_refused_and_an_empty_builder_gives_empty_data()
    {
        var builder = new RatingData<int>.Builder(RatingScale.OneToFive);
        Assert.Empty(builder.Build().Values);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(1, 2, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(1, 2, double.NaN));
        Assert.Equal(0, builder.Count);
    }
}
