namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>Whether a request was admitted and, if not, when the fullest of its counters has room again.</summary>
internal readonly record struct RateLimitDecision(bool Acquired, TimeSpan RetryAfter)
{
    public static readonly RateLimitDecision Admitted = new(true, TimeSpan.Zero);

    public static RateLimitDecision Rejected(TimeSpan retryAfter) => new(false, retryAfter);
}
