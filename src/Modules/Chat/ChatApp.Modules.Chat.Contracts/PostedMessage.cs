
namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// One stored message; <c>RecipientIds</c> are the room's members other than the sender when it was stored;
/// <c>AttachmentIds</c> the Media ids of its pictures (null or empty without).
/// </summary>
public sealed record PostedMessage(Guid MessageId, Guid RoomId, long Seq, Guid SenderId, IReadOnlyList<Guid> RecipientIds, IReadOnlyList<Guid>? AttachmentIds = null);
