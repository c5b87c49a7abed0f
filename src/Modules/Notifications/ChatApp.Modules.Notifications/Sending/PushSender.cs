using ChatApp.BuildingBlocks.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Sending;

/// <summary>
/// Runs on every node: looks for due push work every poll interval and hands it to <see cref="PushDispatch"/> (one
/// scope per pass). Nodes share the work through leases, so each push is made by one node. A pass that finds a full
/// batch runs again at once.
/// </summary>
internal sealed class PushSender(
    IServiceScopeFactory scopes, IModuleSchema<NotificationsDbContext> schema, IOptions<NotificationsOptions> options, ILogger<PushSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            await schema.WaitUntilCurrentAsync(settings.PollInterval, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var taken = 0;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    taken = await scope.ServiceProvider.GetRequiredService<PushDispatch>().RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Push sender pass failed; retrying after the poll interval");
                }

                if (taken < settings.BatchSize)
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: leased work is released by its lease's end.
        }
    }
}
