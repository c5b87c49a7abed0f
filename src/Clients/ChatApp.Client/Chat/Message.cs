namespace ChatApp.Client.Chat;

/// <summary>A message (server: MessageResponse).</summary>
public sealed record Message(Guid Id, Guid RoomId, long Seq, Guid SenderId, string ClientMessageId, string Text, Guid? ReplyToId, DateTime CreatedAt, DateTime? EditedAt, bool Deleted, IReadOnlyList<Attachment> Attachments);
