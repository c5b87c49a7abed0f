using ChatApp.IntegrationTests.Notifications.Fakes;
using ChatApp.IntegrationTests.Notifications.Sending;
using ChatApp.Modules.Notifications.Domain;
using ChatApp.Modules.Notifications.Providers;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Providers;

/// <summary>The host as it runs (the module's registration, configuration from settings, the test trust override) pushes through both stand-ins.</summary>
public sealed class PushProvidersInHostTests(PushFactory factory) : IClassFixture<PushFactory>
{
    [Fact]
    public async Task The_host_registers_one_enabled_provider_per_platform_and_both_reach_their_stand_in()
    {
        var providers = factory.Services.GetServices<IPushProvider>().ToDictionary(p => p.Platform);
        var androidPhone = "android-" + Guid.NewGuid().ToString("N");
        var iPhone = FakeApnsServer.NewDeviceToken();
        var message = new PushMessage(PushKind.Alert, Guid.NewGuid(), 3, 1, Guid.NewGuid(), "Ada", "Hi");

        var android = await providers[DevicePlatform.Android].SendAsync(new PushTarget(Guid.NewGuid(), DevicePlatform.Android, androidPhone, "com.chatapp"), message, CancellationToken.None);
        var ios = await providers[DevicePlatform.Ios].SendAsync(new PushTarget(Guid.NewGuid(), DevicePlatform.Ios, iPhone, FakeApnsServer.Topic), message, CancellationToken.None);

        Assert.True(providers.Values.All(p => p.IsEnabled));
        Assert.Equal((PushOutcome.Sent, PushOutcome.Sent), (android.Outcome, ios.Outcome));
        Assert.Single(await factory.Push.Fcm.WaitForAcceptedAsync(androidPhone, 1));
        Assert.Equal("HTTP/2", Assert.Single(await factory.Push.Apns.WaitForAcceptedAsync(iPhone, 1)).Protocol);
    }
}
