namespace ChatApp.Client.Media;

/// <summary>An uploaded image (server: MediaImageResponse).</summary>
public sealed record MediaImage(Guid Id, string Purpose, int Width, int Height, IReadOnlyList<MediaVariant> Variants, DateTime? UrlsExpireAt, DateTime CreatedAt);
