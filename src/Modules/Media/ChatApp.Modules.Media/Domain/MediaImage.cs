namespace ChatApp.Modules.Media.Domain;

/// <summary>
/// An uploaded image: its stored variants and who uses it. An image nobody uses is deleted by the clean-up job once it
/// is released (its last use ended) or was never used within the retention period.
/// </summary>
internal sealed class MediaImage
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public MediaPurpose Purpose { get; set; }

    /// <summary>The decoded format of the upload: jpeg, png or webp.</summary>
    public string SourceFormat { get; set; } = "";

    /// <summary>Size of the kept region (after EXIF orientation and crop), in source pixels.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the last use ended: the clean-up job deletes the objects and the row.</summary>
    public DateTime? ReleasedAt { get; set; }

    public List<MediaVariant> Variants { get; set; } = [];
}
