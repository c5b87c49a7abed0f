namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event Typing: someone else in the room is typing (show it for about 3 s).</summary>
public sealed record TypingEvent(Guid RoomId, Guid UserId);
