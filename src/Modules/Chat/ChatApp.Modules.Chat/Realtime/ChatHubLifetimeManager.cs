using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// The chat hub's lifetime manager. It keeps this node's connections by user (<see cref="LocalConnections"/>), which
/// room events (<see cref="RoomBus"/>) are written to directly, and sends everything addressed to users
/// (<c>Clients.Users</c>, <c>Clients.User</c>: presence, typing) over the same bus, so they reach every node without
/// SignalR's Redis backplane, which subscribed a Redis channel per connection and per user (~3.4 KiB per idle
/// connection, docs/performance.md). The chat hub addresses users only: sends to all connections, to groups or to
/// connection ids go through SignalR's in-process manager and reach this node's connections only.
/// </summary>
internal sealed class ChatHubLifetimeManager(HubLifetimeManager<ChatHub> inner, LocalConnections local, RoomBus bus) : HubLifetimeManager<ChatHub>, IDisposable
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        local.Add(connection);
        await inner.OnConnectedAsync(connection);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        local.Remove(connection);
        await inner.OnDisconnectedAsync(connection);
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendAllAsync(methodName, args, cancellationToken);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendGroupAsync(groupName, methodName, args, cancellationToken);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        inner.SendGroupsAsync(groupNames, methodName, args, cancellationToken);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendUsersAsync([userId], methodName, args, cancellationToken);

    /// <summary>To the users' connections on every node, through the <see cref="RoomBus"/> (an event without a room number).</summary>
    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        var recipients = userIds.Select(id => Guid.TryParse(id, out var user) ? user : Guid.Empty).Where(user => user != Guid.Empty).ToList();
        bus.Publish([RoomFrame.Of(Guid.Empty, 0, 0, recipients, methodName, args)]);
        return Task.CompletedTask;
    }

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        inner.AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        inner.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, Microsoft.AspNetCore.SignalR.Protocol.CompletionMessage result) =>
        inner.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        inner.TryGetReturnType(invocationId, out type);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
