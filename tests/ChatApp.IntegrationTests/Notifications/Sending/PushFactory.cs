using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.IntegrationTests.Notifications.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>
/// The host pushing through the FCM and APNs stand-ins (real HTTP servers on loopback, started before the host), with
/// a collapse delay of 3 s (long enough for a test's burst of sends to land in one push) and quick polling.
/// </summary>
public sealed class PushFactory : ChatAppFactory
{
    public const string AppId = FakeApnsServer.Topic;

    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);

    public FakeFcmServer Fcm { get; private set; } = null!;

    public FakeApnsServer Apns { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Fcm = await FakeFcmServer.StartAsync();
        Apns = await FakeApnsServer.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        foreach (var (key, value) in Fcm.Settings.Concat(Apns.Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Notifications:Delay", Delay.ToString());
        builder.UseSetting("Notifications:ClearDelay", "00:00:00.300");
        builder.UseSetting("Notifications:PollInterval", "00:00:00.200");
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.TrustApnsStandIn(Apns);

    protected override async Task DropDatabaseAsync()
    {
        await base.DropDatabaseAsync();
        await Fcm.DisposeAsync();
        await Apns.DisposeAsync();
    }
}
