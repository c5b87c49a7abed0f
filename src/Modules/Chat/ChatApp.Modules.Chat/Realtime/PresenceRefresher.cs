using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>Keeps this node's connections alive in the presence store.</summary>
internal sealed class PresenceRefresher(IPresenceStore store, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PresenceTiming.RefreshInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.RefreshAsync(timeProvider.GetUtcNow().UtcDateTime);
            }
            catch (RedisException)
            {
                // Redis is away: connections are refreshed at the next tick; presence is best effort.
            }
        }
    }
}
