namespace ChatApp.Client.Chat;

/// <summary>What changed in a room after the cursor (server: RoomChangesResponse).</summary>
public sealed record RoomChanges(Guid RoomId, long FromSeq, long LastSeq, bool Truncated, IReadOnlyList<RoomEvent> Events);
