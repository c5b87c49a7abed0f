using ChatApp.Modules.Media.Storage;

namespace ChatApp.Modules.Media.Usage;

/// <summary>
/// Deletes images for good: their objects first, then their rows (variants, uses, the image), so a failure half-way
/// leaves rows that the next run finishes (deleting a missing object is fine), never an object nobody knows about.
/// </summary>
internal sealed class ImageDeletion(MediaDbContext db, IObjectStorage storage)
{
    /// <summary>Returns how many images and objects were deleted.</summary>
    public async Task<(int Images, int Objects)> DeleteAsync(IReadOnlyCollection<Guid> imageIds, CancellationToken cancellationToken)
    {
        var ids = imageIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return (0, 0);
        }

        var keys = await db.Variants.AsNoTracking().Where(v => ids.Contains(v.MediaId)).Select(v => v.Key).ToListAsync(cancellationToken);
        await storage.DeleteAsync(keys, cancellationToken);
        await db.Variants.Where(v => ids.Contains(v.MediaId)).ExecuteDeleteAsync(cancellationToken);
        await db.Uses.Where(u => ids.Contains(u.MediaId)).ExecuteDeleteAsync(cancellationToken);
        var images = await db.Images.Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        return (images, keys.Count);
    }
}
