using ChatApp.Modules.Recommendation.Model;

namespace ChatApp.Modules.Recommendation;

/// <summary>
/// Configuration section <c>Recommendation:Scale</c>: the rating scale (validated at start: minimum &lt; neutral &lt;
/// maximum). Ratings are whole numbers from <see cref="Minimum"/> to <see cref="Maximum"/>; every threshold derives
/// from it (<see cref="RatingScale"/>).
/// </summary>
internal sealed class RatingScaleOptions
{
    public int Minimum { get; set; } = 1;

    public int Maximum { get; set; } = 5;

    /// <summary>Neither liked nor disliked: a mean received rating below it is distrusted.</summary>
    public double Neutral { get; set; } = 3;

    public RatingScale ToScale() => new(Minimum, Maximum, Neutral);
}
