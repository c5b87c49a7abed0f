using ChatApp.Modules.Media.Storage;

namespace ChatApp.Modules.Media.Features.CatalogLookup;

/// <summary>Media's answer to <see cref="IMediaCatalog"/>: live images with fresh URLs.</summary>
internal sealed class MediaCatalog(MediaDbContext db, MediaUrls urls) : IMediaCatalog
{
    public async Task<IReadOnlyDictionary<Guid, MediaImageInfo>> GetImagesAsync(IReadOnlyCollection<Guid> mediaIds, CancellationToken cancellationToken)
    {
        if (mediaIds.Count == 0)
        {
            return new Dictionary<Guid, MediaImageInfo>();
        }

        var ids = mediaIds.Distinct().ToList();
        var images = await db.Images.AsNoTracking()
            .Include(i => i.Variants)
            .Where(i => ids.Contains(i.Id) && i.ReleasedAt == null)
            .ToListAsync(cancellationToken);
        return images.ToDictionary(i => i.Id, urls.Describe);
    }
}
