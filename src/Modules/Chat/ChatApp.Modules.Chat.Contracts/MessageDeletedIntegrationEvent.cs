using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Chat.Contracts;

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
