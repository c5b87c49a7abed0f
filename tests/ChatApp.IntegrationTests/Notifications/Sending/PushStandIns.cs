using ChatApp.IntegrationTests.Notifications.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>
/// The FCM and APNs stand-ins a test host pushes through (real HTTP servers on loopback, started before the host),
/// with a collapse delay of 3 s (long enough for a test's burst of sends to land in one push) and quick polling.
/// </summary>
public sealed class PushStandIns : IAsyncDisposable
{
    public const string AppId = FakeApnsServer.Topic;

    public FakeFcmServer Fcm { get; private set; } = null!;

    public FakeApnsServer Apns { get; private set; } = null!;

    public async Task StartAsync()
    {
        Fcm = await FakeFcmServer.StartAsync();
        Apns = await FakeApnsServer.StartAsync();
    }

    public void Configure(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Fcm.Settings.Concat(Apns.Settings))
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Notifications:AppIds:0", AppId);
        builder.UseSetting("Notifications:Delay", "00:00:03");
        builder.UseSetting("Notifications:ClearDelay", "00:00:00.300");
        builder.UseSetting("Notifications:PollInterval", "00:00:00.200");
    }

    /// <summary>Fails Chat's push-content query on demand (see <see cref="FailingPushContent"/>).</summary>
    public FailingPushContent Content { get; } = new();

    /// <summary>Trusts the APNs stand-in's certificate and puts the fault injector around Chat's push-content query.</summary>
    public void ConfigureServices(IServiceCollection services)
    {
        services.TrustApnsStandIn(Apns);
        services.AddScoped<ChatApp.Modules.Chat.Features.PushContentLookup.PushContent>();
        services.AddScoped(provider => Content.Wrap(provider.GetRequiredService<ChatApp.Modules.Chat.Features.PushContentLookup.PushContent>()));
    }

    public async ValueTask DisposeAsync()
    {
        await Fcm.DisposeAsync();
        await Apns.DisposeAsync();
    }
}
