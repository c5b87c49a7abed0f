using ChatApp.BuildingBlocks.Web;
using ChatApp.Modules.Accounts.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// Every <see cref="ChatOptions.SessionCheckInterval"/>, asks Accounts (through its Contracts, in batches) which of the
/// sessions behind this node's connections have ended, and closes those connections. The app then reconnects, is
/// refused with 401, and shows the sign-in screen.
/// </summary>
internal sealed class EndedSessionSweeper(
    ConnectedSessions connections,
    IServiceScopeFactory scopes,
    IOptions<ChatOptions> options,
    TimeProvider timeProvider,
    ILogger<EndedSessionSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SessionCheckInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be away for a moment: keep the connections and try again at the next tick.
                logger.LogWarning(exception, "Could not check the sessions of {Count} hub connections", connections.Count);
            }
        }
    }

    internal async Task SweepAsync(CancellationToken cancellationToken)
    {
        var sessions = connections.Sessions();
        if (sessions.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var ended = await scope.ServiceProvider.GetRequiredService<ISessionStatus>().GetEndedAsync(sessions, cancellationToken);
        if (ended.Count > 0)
        {
            var closed = connections.Close(ended);
            logger.LogInformation("Closed {Closed} hub connection(s) of {Sessions} ended session(s)", closed, ended.Count);
        }
    }
}
