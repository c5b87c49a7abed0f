namespace ChatApp.Client.Notifications;

/// <summary>A muted room (server: MuteResponse); <c>Until</c> null: until unmuted.</summary>
public sealed record RoomMute(Guid RoomId, DateTime? Until, DateTime CreatedAt);
