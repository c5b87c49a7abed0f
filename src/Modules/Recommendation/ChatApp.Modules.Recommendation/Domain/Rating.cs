namespace ChatApp.Modules.Recommendation.Domain;

/// <summary>One person's rating of another (1..5); one per pair, updatable, withdrawable.</summary>
internal sealed class Rating
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    public Guid RaterId { get; set; }

    public Guid RateeId { get; set; }

    public int Score { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
