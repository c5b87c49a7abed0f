using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ChatApp.Modules.Chat.Realtime;

internal static class PresenceTiming
{
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(20);
}
