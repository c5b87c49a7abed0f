namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>One counter a request counts against: its store key and the rule that bounds it.</summary>
internal readonly record struct RateLimitCounter(string Key, int PermitLimit, TimeSpan Window);
