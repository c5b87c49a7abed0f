namespace ChatApp.Client.Chat;

/// <summary>My read position in a room (server: ReadStateResponse).</summary>
public sealed record ReadState(Guid RoomId, long ReadSeq, int UnreadCount);
