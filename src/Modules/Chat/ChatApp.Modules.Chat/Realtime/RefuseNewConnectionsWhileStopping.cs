namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// While the node stops, a new hub connection (a WebSocket opened with negotiation skipped, or a negotiation) is refused
/// before the upgrade with 503 <c>chat.server_restarting</c> and <c>Retry-After</c>: the load balancer (nginx's
/// <c>proxy_next_upstream http_503</c>) passes the attempt to another instance, and a client that sees the 503 itself
/// reconnects after the hint. Requests of connections that already exist (long polling's <c>?id=…</c>) go on, so they
/// still hear the "reconnect" close that <see cref="RealtimeShutdown"/> sends.
/// </summary>
internal sealed class RefuseNewConnectionsWhileStopping(NodeStopping node) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        node.IsStopping && !context.HttpContext.Request.Query.ContainsKey("id")
            ? ValueTask.FromResult<object?>(ChatErrors.ServerRestarting.ToProblem())
            : next(context);
}
