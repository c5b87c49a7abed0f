using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Media.Features.CleanUpMedia;
using Hangfire;

namespace ChatApp.Modules.Media.Usage;

/// <summary>
/// Records who shows an image (a message, an avatar) and releases an image when its last use ends. Released images are
/// deleted by <see cref="CleanUpMediaJob"/>, which is queued at once so replaced avatars and deleted messages' pictures
/// leave storage within seconds. Idempotent: events may be delivered more than once.
/// </summary>
internal sealed class MediaUsage(MediaDbContext db, IBackgroundJobClient jobs, TimeProvider timeProvider)
{
    public async Task UseAsync(IReadOnlyCollection<Guid> mediaIds, string holder, CancellationToken cancellationToken)
    {
        if (mediaIds.Count == 0)
        {
            return;
        }

        var ids = mediaIds.Distinct().ToList();
        var existing = await db.Uses.Where(u => u.Holder == holder && ids.Contains(u.MediaId)).Select(u => u.MediaId).ToListAsync(cancellationToken);
        var live = await db.Images.Where(i => ids.Contains(i.Id) && i.ReleasedAt == null).Select(i => i.Id).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNowForStorage();
        db.Uses.AddRange(live.Except(existing).Select(id => new MediaUse { MediaId = id, Holder = holder, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Like <see cref="UseAsync"/>, but also takes back images already released and not yet deleted (a reported
    /// message deleted before the report's hold arrived: the two modules' outboxes keep no order between them).
    /// </summary>
    public async Task HoldAsync(IReadOnlyCollection<Guid> mediaIds, string holder, CancellationToken cancellationToken)
    {
        if (mediaIds.Count == 0)
        {
            return;
        }

        var ids = mediaIds.Distinct().ToList();
        var existing = await db.Uses.Where(u => u.Holder == holder && ids.Contains(u.MediaId)).Select(u => u.MediaId).ToListAsync(cancellationToken);
        var stored = await db.Images.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNowForStorage();
        db.Uses.AddRange(stored.Except(existing).Select(id => new MediaUse { MediaId = id, Holder = holder, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        await db.Images.Where(i => ids.Contains(i.Id) && i.ReleasedAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ReleasedAt, (DateTime?)null), cancellationToken);
    }

    public async Task EndAsync(string holder, IReadOnlyCollection<Guid> mediaIds, CancellationToken cancellationToken)
    {
        var ids = mediaIds.Distinct().ToList();
        await db.Uses.Where(u => u.Holder == holder && ids.Contains(u.MediaId)).ExecuteDeleteAsync(cancellationToken);
        var now = timeProvider.GetUtcNowForStorage();
        var released = await db.Images
            .Where(i => ids.Contains(i.Id) && i.ReleasedAt == null && !db.Uses.Any(u => u.MediaId == i.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ReleasedAt, now), cancellationToken);
        if (released > 0)
        {
            jobs.Enqueue<CleanUpMediaJob>(job => job.RunAsync(CancellationToken.None));
        }
    }
}
