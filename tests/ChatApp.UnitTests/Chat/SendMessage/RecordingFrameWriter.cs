using ChatApp.Modules.Chat.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace ChatApp.UnitTests.Chat.SendMessage;

/// <summary>
/// Stands for this node's connections: records every hub event written to them, in order, and runs
/// <see cref="OnWrite"/> first (a test can make a write throw).
/// </summary>
internal sealed class RecordingFrameWriter : IRoomFrameWriter
{
    private readonly Lock _lock = new();
    private readonly List<(IReadOnlyList<Guid> Users, string Method, object?[] Args)> _written = [];

    /// <summary>Called with the number of writes recorded so far before each write is recorded.</summary>
    public Action<int> OnWrite { get; set; } = _ => { };

    public IReadOnlyList<(IReadOnlyList<Guid> Users, string Method, object?[] Args)> Written
    {
        get
        {
            lock (_lock)
            {
                return [.. _written];
            }
        }
    }

    public int Write(IReadOnlyList<Guid> users, SerializedHubMessage message)
    {
        var invocation = (InvocationMessage)message.Message!;
        lock (_lock)
        {
            OnWrite(_written.Count);
            _written.Add((users, invocation.Target, invocation.Arguments));
        }

        return users.Count;
    }
}
