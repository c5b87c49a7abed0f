namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event RoomChanged: a role, the name, topic or picture of a group changed.</summary>
public sealed record RoomChangedEvent(Guid RoomId, long Seq, string Kind, Guid UserId, string? Role);
