namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Whether this node has begun its graceful stop (<see cref="RealtimeShutdown"/> sets it at SIGTERM). From then on the
/// node reports itself not ready and refuses new hub connections (<see cref="RefuseNewConnectionsWhileStopping"/>).
/// </summary>
internal sealed class NodeStopping
{
    private volatile bool _stopping;

    public bool IsStopping => _stopping;

    public void Begin() => _stopping = true;
}
