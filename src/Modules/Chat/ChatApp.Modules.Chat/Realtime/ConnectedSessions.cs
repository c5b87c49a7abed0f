using System.Collections.Concurrent;
using ChatApp.Modules.Accounts.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// The hub connections of this node and the sign-in session each was opened with. A WebSocket outlives the access token
/// that opened it, so without this a device signed out elsewhere (another device's "sign out", a password change, a
/// deactivated account, a stolen refresh token replayed) would go on receiving messages for as long as it stays online.
/// </summary>
internal sealed class ConnectedSessions
{
    private readonly ConcurrentDictionary<string, (Guid SessionId, HubCallerContext Context)> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public void Add(HubCallerContext context)
    {
        if (context.User?.GetSessionId() is { } sessionId)
        {
            _connections[context.ConnectionId] = (sessionId, context);
        }
    }

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyCollection<Guid> Sessions() => _connections.Values.Select(c => c.SessionId).ToHashSet();

    /// <summary>Closes every connection of the given sessions; returns how many were closed.</summary>
    public int Close(IReadOnlySet<Guid> sessionIds)
    {
        var closed = 0;
        foreach (var (connectionId, (sessionId, context)) in _connections)
        {
            if (sessionIds.Contains(sessionId) && _connections.TryRemove(connectionId, out _))
            {
                context.Abort();
                closed++;
            }
        }

        return closed;
    }
}
