namespace ChatApp.Client.Chat;

/// <summary>My read position in a sync answer (server: ReadPositionResponse).</summary>
public sealed record ReadPosition(Guid RoomId, long ReadSeq, int UnreadCount);
