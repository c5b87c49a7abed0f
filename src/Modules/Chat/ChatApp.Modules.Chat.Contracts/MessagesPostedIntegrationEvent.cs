using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// New messages were stored. Chat writes messages in batches and publishes one event per batch through its outbox, in
/// the same transaction as the messages: a consumer (pending notifications now, push delivery later) sees every stored
/// message at least once, and none that was rolled back.
/// </summary>
public sealed record MessagesPostedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    IReadOnlyList<PostedMessage> Messages) : IIntegrationEvent;

/// <summary>
/// One stored message; <c>RecipientIds</c> are the room's members other than the sender when it was stored;
/// <c>AttachmentIds</c> the Media ids of its pictures (null or empty without).
/// </summary>
public sealed record PostedMessage(Guid MessageId, Guid RoomId, long Seq, Guid SenderId, IReadOnlyList<Guid> RecipientIds, IReadOnlyList<Guid>? AttachmentIds = null);

/// <summary>
/// The sender deleted a message that carried attached pictures (Media module ids): Media stops counting this message
/// as a use of them and deletes pictures nothing else uses.
/// </summary>
public sealed record MessageDeletedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid MessageId,
    Guid RoomId,
    IReadOnlyList<Guid> AttachmentIds) : IIntegrationEvent;
