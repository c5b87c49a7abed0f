using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Media.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Media.Features.CleanUpMedia;

internal sealed record CleanUpMediaCommand : ICommand<CleanUpMediaResult>;

/// <summary><c>Finished</c>: no released image is left (otherwise send the command again for the next batch).</summary>
internal sealed record CleanUpMediaResult(int ExpiredUnused, int DeletedImages, int DeletedObjects, bool Finished);

/// <summary>
/// Releases uploads never used within <see cref="MediaOptions.UnusedRetention"/>, then deletes a batch of released
/// images (<see cref="ImageDeletion"/>: objects first, then rows). One batch per command keeps each transaction short.
/// </summary>
internal sealed class CleanUpMediaHandler(MediaDbContext db, ImageDeletion deletion, IOptions<MediaOptions> options, TimeProvider timeProvider)
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
            .Select(i => i.Id)
            .ToListAsync(cancellationToken);
        var finished = batch.Count <= BatchSize;
        batch = batch.Take(BatchSize).ToList();
        if (batch.Count == 0)
        {
            return new CleanUpMediaResult(expired, 0, 0, Finished: true);
        }

        var (images, objects) = await deletion.DeleteAsync(batch, cancellationToken);
        return new CleanUpMediaResult(expired, images, objects, finished);
    }
}
