namespace ChatApp.Modules.Media.Contracts;

/// <summary>What other modules may ask Media about uploaded images, synchronously (implemented inside Media).</summary>
public interface IMediaCatalog
{
    /// <summary>
    /// The live images among <paramref name="mediaIds"/>, by id, with the URL of each variant (public URLs for avatars,
    /// short-lived signed URLs for chat pictures: callers must only hand those to people allowed to see them). Unknown
    /// and deleted ids are absent.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, MediaImageInfo>> GetImagesAsync(IReadOnlyCollection<Guid> mediaIds, CancellationToken cancellationToken);
}
