namespace ChatApp.Modules.Media.Contracts;

/// <summary>What an image is for; decides its variants and whether its URLs are public (avatars) or signed (chat).</summary>
public enum MediaPurpose
{
    Avatar = 1,
    Chat = 2,
}

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

/// <summary>One uploaded image as other modules see it.</summary>
public sealed record MediaImageInfo(
    Guid Id,
    Guid OwnerId,
    MediaPurpose Purpose,
    int Width,
    int Height,
    IReadOnlyList<MediaVariantInfo> Variants,
    DateTime? UrlsExpireAt);

/// <summary>One stored rendition of an image (<c>avatar-512</c>, <c>avatar-128</c>, <c>chat</c>, <c>chat-thumb</c>).</summary>
public sealed record MediaVariantInfo(string Name, string Url, int Width, int Height, string ContentType, long Bytes);
