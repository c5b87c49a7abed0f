using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.IntegrationTests.Notifications.Fakes;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Providers.Apns;
using ChatApp.Modules.Notifications.Providers.Fcm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Notifications.Providers;

/// <summary>
/// The push providers as the module registers them (<c>AddPushProviders</c>), configured for both stand-ins and trusting
/// the APNs one; no database. In-process retries wait 50 ms instead of seconds (a Retry-After still counts).
/// </summary>
internal sealed class PushProvidersHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PushProvidersHost(FakeFcmServer fcm, FakeApnsServer apns, ServiceProvider services, CapturedLogs logs)
    {
        Fcm = fcm;
        Apns = apns;
        _services = services;
        Logs = logs;
    }

    public FakeFcmServer Fcm { get; }

    public FakeApnsServer Apns { get; }

    public CapturedLogs Logs { get; }

    public FcmPushProvider FcmProvider => _services.GetRequiredService<FcmPushProvider>();

    public ApnsPushProvider ApnsProvider => _services.GetRequiredService<ApnsPushProvider>();

    public IEnumerable<IPushProvider> All => _services.GetServices<IPushProvider>();

    /// <param name="settings">Changes to the stand-ins' settings (a null value removes the key).</param>
    /// <param name="trustApns">False leaves the APNs client with the system's trust (the stand-in's certificate is then refused).</param>
    /// <param name="time">The providers' clock (token ages), when a test moves it.</param>
    public static async Task<PushProvidersHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool trustApns = true, TimeProvider? time = null)
    {
        var fcm = await FakeFcmServer.StartAsync();
        var apns = await FakeApnsServer.StartAsync();
        var values = fcm.Settings.Concat(apns.Settings).ToDictionary(p => p.Key, string? (p) => p.Value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values.Where(p => p.Value is not null)).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddPushProviders(configuration);
        services.PostConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.FromMilliseconds(50));
        if (trustApns)
        {
            services.TrustApnsStandIn(apns);
        }

        return new PushProvidersHost(fcm, apns, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fcm.DisposeAsync();
        await Apns.DisposeAsync();
    }
}
