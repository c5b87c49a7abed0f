namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event RoomCreated: I was put in a new room.</summary>
public sealed record RoomCreatedEvent(Guid RoomId, long Seq);
