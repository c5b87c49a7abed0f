using ChatApp.Modules.Chat.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.UnitTests.Chat.SendMessage;

/// <summary>
/// A hub context that records what is sent to users, in order, and answers each send with what <see cref="OnSend"/>
/// returns (a completed task unless a test says otherwise).
/// </summary>
internal sealed class RecordingHubContext : IHubContext<ChatHub>
{
    private readonly Lock _lock = new();
    private readonly List<(IReadOnlyList<string> Users, string Method, object?[] Args)> _sent = [];

    public RecordingHubContext() => Clients = new UserClients(this);

    /// <summary>Called with each send's index (0, 1, ...) and arguments; its task is the send's.</summary>
    public Func<int, object?[], Task> OnSend { get; set; } = (_, _) => Task.CompletedTask;

    public IHubClients Clients { get; }

    public IGroupManager Groups => throw new NotSupportedException();

    public IReadOnlyList<(IReadOnlyList<string> Users, string Method, object?[] Args)> Sent
    {
        get
        {
            lock (_lock)
            {
                return [.. _sent];
            }
        }
    }

    private Task Record(IReadOnlyList<string> users, string method, object?[] args)
    {
        int index;
        lock (_lock)
        {
            index = _sent.Count;
            _sent.Add((users, method, args));
        }

        return OnSend(index, args);
    }

    private sealed class UserClients(RecordingHubContext hub) : IHubClients
    {
        public IClientProxy All => throw new NotSupportedException();

        public IClientProxy Users(IReadOnlyList<string> userIds) => new Proxy(hub, userIds);

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IClientProxy Client(string connectionId) => throw new NotSupportedException();

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public IClientProxy Group(string groupName) => throw new NotSupportedException();

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public IClientProxy User(string userId) => throw new NotSupportedException();
    }

    private sealed class Proxy(RecordingHubContext hub, IReadOnlyList<string> users) : IClientProxy
    {
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default) => hub.Record(users, method, args);
    }
}
