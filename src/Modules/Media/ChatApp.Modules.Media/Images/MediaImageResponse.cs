namespace ChatApp.Modules.Media.Images;

/// <summary>An uploaded image and the URL of each variant (signed and expiring at <c>UrlsExpireAt</c> for chat pictures).</summary>
internal sealed record MediaImageResponse(
    Guid Id,
    [property: WireValues("avatar", "chat")] string Purpose,
    int Width,
    int Height,
    IReadOnlyList<MediaVariantInfo> Variants,
    DateTime? UrlsExpireAt,
    DateTime CreatedAt)
{
    public static MediaImageResponse From(MediaImageInfo info, DateTime createdAt) =>
        new(info.Id, info.Purpose.ToString().ToLowerInvariant(), info.Width, info.Height, info.Variants, info.UrlsExpireAt, createdAt);
}
