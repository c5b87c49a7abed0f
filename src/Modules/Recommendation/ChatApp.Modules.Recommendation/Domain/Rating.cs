namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>One person's rating of another (on the configured scale, <see cref="RatingScaleOptions"/>); one per pair, updatable, withdrawable.</summary>
internal sealed class Rating
{
    public Guid RaterId { get; set; }

    public Guid RateeId { get; set; }

    public int Score { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
