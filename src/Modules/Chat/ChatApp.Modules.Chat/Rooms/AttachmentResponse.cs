using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>An attached picture: its size and the signed URL of each variant (<c>chat</c>, <c>chat-thumb</c>).</summary>
internal sealed record AttachmentResponse(Guid MediaId, int Width, int Height, IReadOnlyList<MediaVariantInfo> Variants, DateTime? UrlsExpireAt);
