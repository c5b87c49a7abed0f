namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>
/// Fixed-window counters. <see cref="TryAcquireAsync"/> is atomic over all the given counters: if any of them has no
/// room for <c>permits</c> none is incremented and the decision says when the fullest has room again; otherwise every
/// counter is incremented (a counter's window starts with its first permit).
/// </summary>
internal interface IRateLimitCounterStore
{
    ValueTask<RateLimitDecision> TryAcquireAsync(IReadOnlyList<RateLimitCounter> counters, int permits);
}
