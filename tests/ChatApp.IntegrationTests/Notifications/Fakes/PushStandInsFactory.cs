using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>
/// The in-process host (<see cref="ChatAppFactory"/>, MariaDB + Redis) with both push services pointed at stand-ins
/// started with it: <see cref="FakeFcmServer.Settings"/> and <see cref="FakeApnsServer.Settings"/> as configuration,
/// and the APNs certificate trusted (<see cref="PushStandInTrust.TrustApnsStandIn"/>). Subclass it for more settings or
/// services (call the base methods).
/// </summary>
public class PushStandInsFactory : ChatAppFactory
{
    public FakeFcmServer Fcm { get; private set; } = null!;

    public FakeApnsServer Apns { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Fcm = await FakeFcmServer.StartAsync();
        Apns = await FakeApnsServer.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Fcm is not null)
        {
            await Fcm.DisposeAsync();
        }

        if (Apns is not null)
        {
            await Apns.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        foreach (var (key, value) in Fcm.Settings.Concat(Apns.Settings))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.TrustApnsStandIn(Apns);
    }
}
