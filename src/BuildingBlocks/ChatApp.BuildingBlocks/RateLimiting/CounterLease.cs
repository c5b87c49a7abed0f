using System.Threading.RateLimiting;

namespace ChatApp.BuildingBlocks.RateLimiting;

/// <summary>A lease of <see cref="CounterRateLimiter"/>: a refusal carries <see cref="MetadataName.RetryAfter"/>.</summary>
internal sealed class CounterLease : RateLimitLease
{
    public static readonly CounterLease Admitted = new(true, null);

    /// <summary>Not acquired and not refused either: the answer of the synchronous attempt, which cannot count.</summary>
    public static readonly CounterLease Deferred = new(false, null);

    private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

    private readonly TimeSpan? _retryAfter;

    private CounterLease(bool isAcquired, TimeSpan? retryAfter)
    {
        IsAcquired = isAcquired;
        _retryAfter = retryAfter;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : RetryAfterOnly;

    public static CounterLease Rejected(TimeSpan retryAfter) => new(false, retryAfter);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
