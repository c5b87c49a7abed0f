using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Media.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Media.Features.CleanUpMedia;

internal sealed record CleanUpMediaCommand : ICommand<CleanUpMediaResult>;

/// <summary><c>Finished</c>: no released image is left (otherwise send the command again for the next batch).</summary>
internal sealed record CleanUpMediaResult(int ExpiredUnused, int DeletedImages, int DeletedObjects, bool Finished);

/// <summary>
/// Releases uploads never used within <see cref="MediaOptions.UnusedRetention"/>, then deletes a batch of released
/// images: their objects first, then their rows, so a failure half-way leaves rows that the next run finishes (deleting
/// a missing object is fine), never an object nobody knows about. One batch per command keeps each transaction short.
/// </summary>
internal sealed class CleanUpMediaHandler(MediaDbContext db, IObjectStorage storage, IOptions<MediaOptions> options, TimeProvider timeProvider)
    : ICommandHandler<CleanUpMediaCommand, CleanUpMediaResult>
{
    public const int BatchSize = 200;

    public async ValueTask<CleanUpMediaResult> Handle(CleanUpMediaCommand command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNowForStorage();
        var cutoff = now - options.Value.UnusedRetention;
        var expired = await db.Images
            .Where(i => i.ReleasedAt == null && i.CreatedAt < cutoff && !db.Uses.Any(u => u.MediaId == i.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ReleasedAt, now), cancellationToken);

        var batch = await db.Images.AsNoTracking()
            .Where(i => i.ReleasedAt != null)
            .OrderBy(i => i.ReleasedAt)
            .Take(BatchSize + 1)
            .Select(i => new { i.Id, Keys = i.Variants.Select(v => v.Key).ToList() })
            .ToListAsync(cancellationToken);
        var finished = batch.Count <= BatchSize;
        batch = batch.Take(BatchSize).ToList();
        if (batch.Count == 0)
        {
            return new CleanUpMediaResult(expired, 0, 0, Finished: true);
        }

        var keys = batch.SelectMany(i => i.Keys).ToList();
        await storage.DeleteAsync(keys, cancellationToken);
        var ids = batch.Select(i => i.Id).ToList();
        await db.Variants.Where(v => ids.Contains(v.MediaId)).ExecuteDeleteAsync(cancellationToken);
        await db.Uses.Where(u => ids.Contains(u.MediaId)).ExecuteDeleteAsync(cancellationToken);
        var images = await db.Images.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        return new CleanUpMediaResult(expired, images, keys.Count, finished);
    }
}
