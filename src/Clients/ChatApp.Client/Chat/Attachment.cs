namespace ChatApp.Client.Chat;

/// <summary>A picture in a message (server: AttachmentResponse).</summary>
public sealed record Attachment(Guid MediaId, int Width, int Height, IReadOnlyList<ChatApp.Client.Media.MediaVariant> Variants, DateTime? UrlsExpireAt);
