using System.Diagnostics;
using ChatApp.Modules.Chat.Features.SendMessage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// A graceful stop (SIGTERM from Kubernetes or systemd, Ctrl+C): before anything stops, the node reports itself not
/// ready (<c>/health/ready</c> 503, so the load balancer sends no one new), refuses new sends with
/// <c>chat.server_restarting</c>, stores and acknowledges every send it had accepted (at most
/// <see cref="ChatOptions.ShutdownDrainTimeout"/>), then tells its connections to reconnect, which lands them on another
/// instance. The host's own shutdown timeout (<c>Host:ShutdownTimeout</c>, 10 s) bounds the whole stop.
/// This has to happen on <see cref="IHostApplicationLifetime.ApplicationStopping"/> and before SignalR's own callback
/// there, which drops every connection without a word: callbacks run last registered first, so this one registers once
/// the application has started, after SignalR's.
/// </summary>
internal sealed partial class RealtimeShutdown(
    NodeStopping node,
    MessageWriter writer,
    LocalConnections connections,
    IHostApplicationLifetime lifetime,
    IOptions<ChatOptions> options,
    ILogger<RealtimeShutdown> logger) : IHostedService, IHealthCheck, IDisposable
{
    private CancellationTokenRegistration _started;
    private CancellationTokenRegistration _stoppingRegistration;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _started = lifetime.ApplicationStarted.Register(() =>
            _stoppingRegistration = lifetime.ApplicationStopping.Register(() => DrainAsync().GetAwaiter().GetResult()));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _started.Dispose();
        _stoppingRegistration.Dispose();
    }

    private async Task DrainAsync()
    {
        node.Begin();
        var started = Stopwatch.GetTimestamp();
        var queued = writer.Queued;
        var drained = await writer.DrainAsync(options.Value.ShutdownDrainTimeout);
        var drainedIn = Stopwatch.GetElapsedTime(started);
        var told = await connections.CloseAllAsync(TimeSpan.FromSeconds(1));
        if (drained)
        {
            LogStopped(logger, queued, drainedIn.TotalMilliseconds, told, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        else
        {
            LogDrainTimedOut(logger, options.Value.ShutdownDrainTimeout.TotalSeconds, writer.Queued, told);
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(node.IsStopping ? HealthCheckResult.Unhealthy("Shutting down: not taking new connections or sends.") : HealthCheckResult.Healthy());

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: stored and acknowledged the accepted sends ({Queued} were queued) in {DrainMs:F0} ms, " +
        "told {Connections} connection(s) to reconnect elsewhere; done in {TotalMs:F0} ms")]
    private static partial void LogStopped(ILogger logger, int queued, double drainMs, int connections, double totalMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down: the accepted sends were not all stored within {TimeoutSeconds} s ({Left} left; " +
        "their senders get no answer and retry with the same client message id); told {Connections} connection(s) to reconnect")]
    private static partial void LogDrainTimedOut(ILogger logger, double timeoutSeconds, int left, int connections);
}
