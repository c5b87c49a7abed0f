using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>Embedded default: one process holds all connections.</summary>
internal sealed class InMemoryPresenceStore : IPresenceStore
{
    private readonly ConcurrentDictionary<Guid, HashSet<string>> _connections = new();
    private readonly ConcurrentDictionary<Guid, DateTime> _lastSeen = new();

    public Task<bool> ConnectedAsync(Guid userId, string connectionId, DateTime now)
    {
        var set = _connections.GetOrAdd(userId, _ => []);
        lock (set)
        {
            set.Add(connectionId);
            return Task.FromResult(set.Count == 1);
        }
    }

    public Task<bool> DisconnectedAsync(Guid userId, string connectionId, DateTime now)
    {
        var set = _connections.GetOrAdd(userId, _ => []);
        lock (set)
        {
            if (!set.Remove(connectionId) || set.Count > 0)
            {
                return Task.FromResult(false);
            }
        }

        _lastSeen[userId] = now;
        return Task.FromResult(true);
    }

    public Task ForgetAsync(Guid userId)
    {
        _lastSeen.TryRemove(userId, out _);
        _connections.TryRemove(userId, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, DateTime now)
    {
        IReadOnlyDictionary<Guid, PresenceState> states = userIds.Distinct().ToDictionary(id => id, id =>
        {
            var online = _connections.TryGetValue(id, out var set) && Count(set) > 0;
            return new PresenceState(online, online ? null : _lastSeen.TryGetValue(id, out var seen) ? seen : null);
        });
        return Task.FromResult(states);
    }

    public Task RefreshAsync(DateTime now) => Task.CompletedTask;

    private static int Count(HashSet<string> set)
    {
        lock (set)
        {
            return set.Count;
        }
    }
}
