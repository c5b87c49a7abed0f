namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event ReadPositionChanged: a read receipt.</summary>
public sealed record ReadPositionChangedEvent(Guid RoomId, Guid UserId, long ReadSeq);
