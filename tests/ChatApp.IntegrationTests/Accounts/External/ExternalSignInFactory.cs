using ChatApp.IntegrationTests.Accounts.External.Fakes;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.External;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatApp.IntegrationTests.Accounts.External;

/// <summary>The host on MariaDB + Redis signing in through the four providers' stand-ins.</summary>
public class ExternalSignInFactory : ChatAppFactory
{
    public ExternalStandIns Providers { get; } = new();

    /// <summary>False: Facebook and Kakao are left unconfigured.</summary>
    protected virtual bool ConfigureSocialGraphs => true;

    public override async Task InitializeAsync()
    {
        await Providers.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        foreach (var (key, value) in Providers.Settings(ConfigureSocialGraphs))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override async Task DropDatabaseAsync()
    {
        await base.DropDatabaseAsync();
        await Providers.DisposeAsync();
    }
}

/// <summary>
/// Only Apple and Google configured; a host of its own, so that its key caches start cold. The key cache runs on
/// <see cref="JwksClock"/>, which the tests move forward instead of waiting.
/// </summary>
public sealed class OpenIdOnlyFactory : ExternalSignInFactory
{
    public FakeTimeProvider JwksClock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool ConfigureSocialGraphs => false;

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.RemoveAll<JwksCache>();
        services.AddSingleton(sp => new JwksCache(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<ExternalSignInOptions>>(),
            JwksClock,
            sp.GetRequiredService<ILogger<JwksCache>>()));
    }
}
