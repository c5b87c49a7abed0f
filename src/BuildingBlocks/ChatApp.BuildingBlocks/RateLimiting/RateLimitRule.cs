namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>At most <see cref="PermitLimit"/> requests per fixed <see cref="Window"/> (which starts at the first one).</summary>
internal sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public static RateLimitRule Of(int permitLimit, TimeSpan window) => new() { PermitLimit = permitLimit, Window = window };
}
