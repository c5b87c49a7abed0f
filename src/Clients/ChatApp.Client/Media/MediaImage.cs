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

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Purpose);
        hash.Add(Width);
        hash.Add(Height);
        hash.Add(UrlsExpireAt);
        hash.Add(CreatedAt);
        hash.Add(Sequences.Hash(Variants));
        return hash.ToHashCode();
    }
}
