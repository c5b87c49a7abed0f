namespace ChatApp.Modules.Media.Contracts;

/// <summary>One uploaded image as other modules see it.</summary>
public sealed record MediaImageInfo(
    Guid Id,
    Guid OwnerId,
    MediaPurpose Purpose,
    int Width,
    int Height,
    IReadOnlyList<MediaVariantInfo> Variants,
    DateTime? UrlsExpireAt);
