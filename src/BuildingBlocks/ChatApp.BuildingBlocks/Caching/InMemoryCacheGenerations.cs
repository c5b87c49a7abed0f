using System.Collections.Concurrent;

namespace ChatApp.BuildingBlocks.Caching;

/// <summary>Generations for the embedded default: one process, nothing shared.</summary>
internal sealed class InMemoryCacheGenerations : ICacheGenerations
{
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public Task<long[]> GetAsync(IReadOnlyList<string> tags) =>
        Task.FromResult(tags.Select(tag => _generations.GetValueOrDefault(tag)).ToArray());

    public Task IncrementAsync(IReadOnlyCollection<string> tags)
    {
        foreach (var tag in tags)
        {
            _generations.AddOrUpdate(tag, 1, (_, generation) => generation + 1);
        }

        return Task.CompletedTask;
    }
}
