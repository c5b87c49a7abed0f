using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>Room pictures as rooms and invite previews show them (through Media's catalog; a deleted image shows none).</summary>
internal static class RoomPictures
{
    public static async Task<IReadOnlyDictionary<Guid, RoomPictureResponse>> LoadAsync(IMediaCatalog media, IEnumerable<Guid?> mediaIds, CancellationToken cancellationToken)
    {
        var ids = mediaIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, RoomPictureResponse>();
        }

        var images = await media.GetImagesAsync(ids, cancellationToken);
        return images.Values
            .Where(i => i.Purpose == MediaPurpose.Avatar)
            .ToDictionary(i => i.Id, i => new RoomPictureResponse(i.Id, UrlOf(i, "avatar-512"), UrlOf(i, "avatar-128")));
    }

    private static string? UrlOf(MediaImageInfo image, string variant) => image.Variants.FirstOrDefault(v => v.Name == variant)?.Url;
}
