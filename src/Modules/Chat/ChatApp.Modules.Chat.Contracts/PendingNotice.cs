namespace ChatApp.Modules.Chat.Contracts;

/// <summary>One message waiting to be announced to <c>UserId</c>: the message's room, id, room sequence number and sender.</summary>
public sealed record PendingNotice(Guid UserId, Guid RoomId, Guid MessageId, long Seq, Guid SenderId);
