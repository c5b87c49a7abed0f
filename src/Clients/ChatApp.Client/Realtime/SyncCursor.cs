using System.Collections.Concurrent;

namespace ChatApp.Client.Realtime;

/// <summary>
/// For each room, the highest sequence number up to which this device holds every change: it advances only when the
/// next number arrives, so a gap is noticed and fetched through POST /chat/sync.
/// </summary>
public sealed class SyncCursor
{
    private readonly ConcurrentDictionary<Guid, long> _rooms = new();
    private readonly Lock _lock = new();

    public SyncCursor(IReadOnlyDictionary<Guid, long>? start = null)
    {
        foreach (var (room, seq) in start ?? new Dictionary<Guid, long>())
        {
            _rooms[room] = seq;
        }
    }

    /// <summary>The cursor to send to POST /chat/sync (and to persist between runs).</summary>
    public IReadOnlyDictionary<Guid, long> Snapshot() => new Dictionary<Guid, long>(_rooms);

    public long this[Guid roomId] => _rooms.GetValueOrDefault(roomId);

    /// <summary>
    /// A live change numbered <paramref name="seq"/> arrived: advances the room when it is the next number; returns
    /// false when numbers are missing before it (then catch up).
    /// </summary>
    public bool Observe(Guid roomId, long seq)
    {
        lock (_lock)
        {
            var held = _rooms.GetValueOrDefault(roomId);
            if (seq <= held)
            {
                return true;
            }
            if (seq == held + 1)
            {
                _rooms[roomId] = seq;
                return true;
            }
            return false;
        }
    }

    /// <summary>Takes a sync answer's cursor: rooms only move forward; removed rooms are dropped.</summary>
    public void Apply(IReadOnlyDictionary<Guid, long> cursor, IEnumerable<Guid> removedRoomIds)
    {
        lock (_lock)
        {
            foreach (var (room, seq) in cursor)
            {
                if (seq > _rooms.GetValueOrDefault(room))
                {
                    _rooms[room] = seq;
                }
            }
            foreach (var room in removedRoomIds)
            {
                _rooms.TryRemove(room, out _);
            }
        }
    }
}
