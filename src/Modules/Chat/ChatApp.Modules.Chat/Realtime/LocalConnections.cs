using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// This node's hub connections by user, filled by <see cref="ChatHubLifetimeManager"/>. Room events are written here
/// straight to the connections of the members who are connected to this node: one serialisation per frame and protocol
/// (<see cref="SerializedHubMessage"/> caches it), no backplane hop for local members.
/// </summary>
internal sealed partial class LocalConnections(ILogger<LocalConnections> logger) : IRoomFrameWriter
{
    private static readonly CloseMessage Reconnect = new("This server is restarting; reconnect.", allowReconnect: true);

    private readonly ConcurrentDictionary<Guid, HubConnectionContext[]> _byUser = new();
    private int _count;
    private volatile bool _closing;

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
        if (_closing)
        {
            _ = TellToReconnectAsync(connection); // connected while this node shuts down
        }
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

    /// <summary>
    /// For shutdown: tells every connection of this node (and any that connects from now on) to reconnect, which the
    /// clients do at once (SignalR's close message with <c>allowReconnect</c>; behind the load balancer they land on
    /// another instance). Waits up to <paramref name="wait"/> for them to go, then aborts the rest. Returns how many were told.
    /// </summary>
    public async Task<int> CloseAllAsync(TimeSpan wait)
    {
        _closing = true;
        var all = _byUser.Values.SelectMany(c => c).ToList();
        await Task.WhenAll(all.Select(TellToReconnectAsync));
        var deadline = Environment.TickCount64 + (long)wait.TotalMilliseconds;
        while (Count > 0 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(20);
        }

        foreach (var connection in _byUser.Values.SelectMany(c => c))
        {
            connection.Abort();
        }

        return all.Count;
    }

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

    private async Task TellToReconnectAsync(HubConnectionContext connection)
    {
        try
        {
            await connection.WriteAsync(Reconnect, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception ex)
        {
            LogWriteFailed(logger, ex, connection.ConnectionId);
            connection.Abort();
        }
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not write to connection {ConnectionId}; it catches up when it reconnects")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string connectionId);
}
