using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// A group room's picture was set, replaced or removed (media ids of the Media module; null when there is none): Media
/// keeps the new image and releases the previous one.
/// </summary>
public sealed record RoomPictureChangedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid RoomId,
    Guid? MediaId,
    Guid? PreviousMediaId) : IIntegrationEvent;
