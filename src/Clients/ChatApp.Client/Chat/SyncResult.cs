namespace ChatApp.Client.Chat;

/// <summary>POST /chat/sync (server: SyncResponse).</summary>
public sealed record SyncResult(IReadOnlyList<RoomChanges> Rooms, IReadOnlyList<ReadPosition> ReadPositions, IReadOnlyList<Guid> RemovedRoomIds, IReadOnlyDictionary<Guid, long> Cursor);
