namespace ChatApp.Client.Chat;

/// <summary>A picture in a message (server: AttachmentResponse).</summary>
public sealed record Attachment(Guid MediaId, int Width, int Height, IReadOnlyList<ChatApp.Client.Media.MediaVariant> Variants, DateTime? UrlsExpireAt)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(Attachment? other) =>
        other is not null
        && MediaId == other.MediaId
        && Width == other.Width
        && Height == other.Height
        && UrlsExpireAt == other.UrlsExpireAt
        && Sequences.Equal(Variants, other.Variants);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(MediaId, UrlsExpireAt);
}
