using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// This node's hub connections by user, filled by <see cref="ChatHubLifetimeManager"/>. Room events are written here
/// straight to the connections of the members who are connected to this node: one serialisation per frame and protocol
/// (<see cref="SerializedHubMessage"/> caches it), no backplane hop for local members.
/// </summary>
internal sealed partial class LocalConnections(ILogger<LocalConnections> logger) : IRoomFrameWriter
{
    private readonly ConcurrentDictionary<Guid, HubConnectionContext[]> _byUser = new();
    private int _count;

    /// <summary>Connections of this node.</summary>
    public int Count => Volatile.Read(ref _count);

    public void Add(HubConnectionContext connection)
    {
        if (!Guid.TryParse(connection.UserIdentifier, out var userId))
        {
            return;
        }

        _byUser.AddOrUpdate(userId, static (_, c) => [c], static (_, existing, c) => [.. existing, c], connection);
        Interlocked.Increment(ref _count);
    }

    public void Remove(HubConnectionContext connection)
    {
        if (!Guid.TryParse(connection.UserIdentifier, out var userId))
        {
            return;
        }

        while (_byUser.TryGetValue(userId, out var existing))
        {
            if (Array.IndexOf(existing, connection) < 0)
            {
                return;
            }

            var removed = existing.Length == 1
                ? _byUser.TryRemove(KeyValuePair.Create(userId, existing))
                : _byUser.TryUpdate(userId, [.. existing.Where(c => c != connection)], existing);
            if (removed)
            {
                Interlocked.Decrement(ref _count);
                return;
            }
        }
    }

    /// <summary>Every connection of this node (for shutdown).</summary>
    public IEnumerable<HubConnectionContext> All() => _byUser.Values.SelectMany(c => c);

    /// <summary>
    /// Writes the message to every connection of the given users that is on this node, in call order per connection;
    /// returns how many connections it was written to. Does not wait for slow sockets (SignalR queues per connection).
    /// </summary>
    public int Write(IReadOnlyList<Guid> users, SerializedHubMessage message)
    {
        var written = 0;
        foreach (var user in users)
        {
            if (!_byUser.TryGetValue(user, out var connections))
            {
                continue;
            }

            foreach (var connection in connections)
            {
                var write = connection.WriteAsync(message, CancellationToken.None);
                if (!write.IsCompletedSuccessfully)
                {
                    _ = ObserveAsync(write, connection.ConnectionId);
                }

                written++;
            }
        }

        return written;
    }

    private async Task ObserveAsync(ValueTask write, string connectionId)
    {
        try
        {
            await write;
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex, connectionId);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not write a room event to connection {ConnectionId}; it catches up when it reconnects")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string connectionId);
}
