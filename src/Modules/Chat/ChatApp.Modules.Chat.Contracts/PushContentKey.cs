namespace ChatApp.Modules.Chat.Contracts;

/// <summary>A user's view of a room, as <see cref="IPushContent"/> is asked about it.</summary>
public sealed record PushContentKey(Guid UserId, Guid RoomId);
