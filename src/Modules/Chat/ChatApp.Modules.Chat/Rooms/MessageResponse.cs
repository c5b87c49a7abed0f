using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// A message as clients see it; <c>seq</c> is the sequence number of its creation. A deleted message has empty text,
/// no attachments and <c>deleted</c> true. Attachments carry signed URLs that expire at <c>urlsExpireAt</c>: reload the
/// message (history or catch-up) for fresh ones.
/// </summary>
internal sealed record MessageResponse(
    Guid Id, Guid RoomId, long Seq, Guid SenderId, string ClientMessageId, string Text, Guid? ReplyToId, DateTime CreatedAt, DateTime? EditedAt, bool Deleted,
    IReadOnlyList<AttachmentResponse> Attachments)
{
    private static readonly IReadOnlyDictionary<Guid, MediaImageInfo> NoMedia = new Dictionary<Guid, MediaImageInfo>();

    public static MessageResponse From(Message message, IReadOnlyDictionary<Guid, MediaImageInfo>? media = null) => new(
        message.Id, message.RoomId, message.Seq, message.SenderId, message.ClientMessageId, message.Text, message.ReplyToId, message.CreatedAt,
        message.EditedAt, message.DeletedAt is not null,
        message.DeletedAt is not null || message.Attachments is null
            ? []
            : message.AttachmentIds
                .Select(id => (media ?? NoMedia).TryGetValue(id, out var image) ? new AttachmentResponse(image.Id, image.Width, image.Height, image.Variants, image.UrlsExpireAt) : null)
                .OfType<AttachmentResponse>()
                .ToList());
}
