using ChatApp.BuildingBlocks.Results;

namespace ChatApp.Modules.Media.Contracts;

/// <summary>Stores an image another module fetched for a user (a provider's profile picture) as one of that user's avatar images.</summary>
public interface IAvatarImport
{
    /// <summary>
    /// Decodes, crops to a square, resizes and strips the image exactly as an upload with purpose <c>avatar</c>, owned by
    /// <paramref name="ownerId"/>; returns its media id, or Media's error (<c>media.too_large</c>,
    /// <c>media.unsupported_format</c>, <c>media.corrupt_image</c>...). Like any upload, an image nobody adopts as an
    /// avatar is released after <c>Media:UnusedRetention</c>.
    /// </summary>
    Task<Result<Guid>> ImportAvatarAsync(Guid ownerId, byte[] content, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes an imported image nobody adopted (objects and rows, at once), when it is still <paramref name="ownerId"/>'s
    /// and unused; otherwise does nothing. For an import that lost to the user's own choice or to the account's deletion.
    /// </summary>
    Task DiscardAsync(Guid ownerId, Guid mediaId, CancellationToken cancellationToken);
}
