using ChatApp.Modules.Recommendation;
using ChatApp.Modules.Recommendation.Features.RateUser;
using Microsoft.Extensions.Options;

namespace ChatApp.UnitTests.Recommendation;

/// <summary>Ratings are accepted on the configured scale (Recommendation:Scale), not on a built-in 1..5.</summary>
public sealed class ScaleConfigurationTests
{
    [Theory]
    [InlineData(1, 5, 3, 1, true)]
    [InlineData(1, 5, 3, 5, true)]
    [InlineData(1, 5, 3, 0, false)]
    [InlineData(1, 5, 3, -7, false)]
    [InlineData(-10, 10, 0, -7, true)]
    [InlineData(-10, 10, 0, 10, true)]
    [InlineData(-10, 10, 0, 11, false)]
    [InlineData(-10, 10, 0, -11, false)]
    public void A_rating_is_valid_on_the_configured_scale(int min, int max, double neutral, int score, bool valid)
    {
        var options = new RecommendationOptions { Scale = new RatingScaleOptions { Minimum = min, Maximum = max, Neutral = neutral } };
        var validator = new RateUserValidator(Options.Create(options));

        var result = validator.Validate(new RateUserCommand(Guid.NewGuid(), Guid.NewGuid(), score));

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(neutral + ((max - neutral) / 2), options.Scale.ToScale().Liked);
    }
}
