using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// A member's read position in a room moved forward to <c>ReadSeq</c> (a room sequence number): what was pending up to
/// there is read on every device. Published in the same transaction as the move, only when it moved.
/// </summary>
public sealed record RoomReadIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    Guid RoomId,
    long ReadSeq) : IIntegrationEvent;
