namespace ChatApp.BuildingBlocks.Caching;

/// <summary>
/// Each tag's generation: a number that every change to what the tag covers increments. Shared by all nodes (Redis),
/// or this process's own in the embedded default.
/// </summary>
internal interface ICacheGenerations
{
    Task<long[]> GetAsync(IReadOnlyList<string> tags);

    Task IncrementAsync(IReadOnlyCollection<string> tags);
}
