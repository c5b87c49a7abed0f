namespace ChatApp.Client.Media;

/// <summary>An uploaded image (server: MediaImageResponse).</summary>
public sealed record MediaImage(Guid Id, string Purpose, int Width, int Height, IReadOnlyList<MediaVariant> Variants, DateTime? UrlsExpireAt, DateTime CreatedAt)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(MediaImage? other) =>
        other is not null
        && Id == other.Id
        && Purpose == other.Purpose
        && Width == other.Width
        && Height == other.Height
        && UrlsExpireAt == other.UrlsExpireAt
        && CreatedAt == other.CreatedAt
        && Sequences.Equal(Variants, other.Variants);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(Id, UrlsExpireAt);
}
