using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Media.Storage;

/// <summary>The URL of each variant: public ones through the CDN base URL when set; private ones signed and short-lived.</summary>
internal sealed class MediaUrls(IObjectStorage storage, IOptions<MediaOptions> options, TimeProvider timeProvider)
{
    public DateTime? ExpiryFor(MediaPurpose purpose) =>
        purpose == MediaPurpose.Avatar ? null : TruncateToSeconds(timeProvider.GetUtcNow() + options.Value.SignedUrlLifetime).UtcDateTime;

    public string For(string key, DateTime? expiresAt)
    {
        if (expiresAt is { } expiry)
        {
            return storage.SignedUrl(key, new DateTimeOffset(expiry, TimeSpan.Zero));
        }

        var cdn = options.Value.CdnBaseUrl;
        return string.IsNullOrWhiteSpace(cdn) ? storage.PublicUrl(key) : $"{cdn.TrimEnd('/')}/{key}";
    }

    public MediaImageInfo Describe(MediaImage image)
    {
        var expiresAt = ExpiryFor(image.Purpose);
        var variants = image.Variants
            .OrderByDescending(v => v.Width)
            .Select(v => new MediaVariantInfo(v.Name, For(v.Key, expiresAt), v.Width, v.Height, v.ContentType, v.Bytes))
            .ToList();
        return new MediaImageInfo(image.Id, image.OwnerId, image.Purpose, image.Width, image.Height, variants, expiresAt);
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerSecond));
}
