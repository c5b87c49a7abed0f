using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Accounts.Profiles;

/// <summary>Turns avatar media ids into URLs through Media's Contracts, one call for many users.</summary>
internal sealed class AvatarView(IMediaCatalog media)
{
    public async Task<IReadOnlyDictionary<Guid, AvatarResponse>> ForAsync(IEnumerable<Guid?> mediaIds, CancellationToken cancellationToken)
    {
        var ids = mediaIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, AvatarResponse>();
        }

        var images = await media.GetImagesAsync(ids, cancellationToken);
        return images.Values
            .Where(i => i.Purpose == MediaPurpose.Avatar)
            .ToDictionary(i => i.Id, i => new AvatarResponse(i.Id, UrlOf(i, "avatar-512"), UrlOf(i, "avatar-128")));
    }

    public async Task<AvatarResponse?> ForAsync(Guid? mediaId, CancellationToken cancellationToken) =>
        mediaId is { } id && (await ForAsync([id], cancellationToken)).TryGetValue(id, out var avatar) ? avatar : null;

    private static string UrlOf(MediaImageInfo image, string variant) =>
        image.Variants.FirstOrDefault(v => v.Name == variant)?.Url ?? image.Variants[0].Url;
}
