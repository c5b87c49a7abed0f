using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Who is online, across all instances: a user is online while any of their connections, on any node, is alive.
/// Each node keeps its own connections alive by refreshing them (<see cref="PresenceRefresher"/>); the connections of a
/// node that died simply expire.
/// </summary>
internal interface IPresenceStore
{
    /// <summary>True when this is the user's first live connection (the user just came online).</summary>
    Task<bool> ConnectedAsync(Guid userId, string connectionId, DateTime now);

    /// <summary>True when that was the user's last live connection (the user just went offline; last seen is now).</summary>
    Task<bool> DisconnectedAsync(Guid userId, string connectionId, DateTime now);

    Task<IReadOnlyDictionary<Guid, PresenceState>> GetAsync(IReadOnlyCollection<Guid> userIds, DateTime now);

    /// <summary>Forgets a deleted account: its last-seen time and connection set.</summary>
    Task ForgetAsync(Guid userId);

    /// <summary>Extends the life of this node's connections.</summary>
    Task RefreshAsync(DateTime now);
}
