namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// One policy's limits, each counted on its own: per client address, per account (the normalised e-mail or refresh
/// token of an anonymous call, the user id of an authenticated one) and per authenticated user. A request passes only
/// if every configured limit has room, and then counts against all of them. A null limit is not applied.
/// </summary>
internal sealed class RateLimitPolicyOptions
{
    public RateLimitRule? PerAddress { get; set; }

    public RateLimitRule? PerAccount { get; set; }

    public RateLimitRule? PerUser { get; set; }
}
