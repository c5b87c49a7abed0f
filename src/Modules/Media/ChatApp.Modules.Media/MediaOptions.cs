namespace ChatApp.Modules.Media;

/// <summary>Configuration section <c>Media</c>.</summary>
internal sealed class MediaOptions
{
    public const string SectionName = "Media";

    /// <summary><c>Local</c> (the embedded default: files under <see cref="LocalDirectory"/>) or <c>S3</c>.</summary>
    public string Storage { get; set; } = "Local";

    /// <summary>Where local storage keeps files (relative paths are under the content root).</summary>
    public string LocalDirectory { get; set; } = "data/media";

    /// <summary>Base of public URLs (a CDN such as CloudFront in front of the bucket). Empty: URLs point at the storage itself.</summary>
    public string? CdnBaseUrl { get; set; }

    /// <summary>How long a signed URL of a chat picture stays valid.</summary>
    public TimeSpan SignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Largest accepted upload, in bytes (a bigger body gets 413).</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest accepted image, in pixels, checked from the header before anything is decoded.</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>JPEG quality of the variants (docs/performance.md has the measurements behind the default).</summary>
    public int JpegQuality { get; set; } = 82;

    /// <summary>Images processed at once on one node; bounds the memory that decoding takes (0: one per core).</summary>
    public int MaxConcurrentProcessing { get; set; }

    /// <summary>An upload never used (attached to a message or set as an avatar) within this time is deleted.</summary>
    public TimeSpan UnusedRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>When the clean-up job runs (UTC cron).</summary>
    public string CleanupCron { get; set; } = "*/15 * * * *";

    public S3StorageOptions S3 { get; set; } = new();
}
