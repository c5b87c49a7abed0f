using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>The host on MariaDB + Redis pushing through the stand-ins.</summary>
public sealed class PushFactory : ChatAppFactory, IPushFactory
{
    public PushStandIns Push { get; } = new();

    public override async Task InitializeAsync()
    {
        await Push.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        Push.Configure(builder);
    }

    protected override void ConfigureTestServices(IServiceCollection services) => Push.ConfigureServices(services);

    protected override async Task DropDatabaseAsync()
    {
        await base.DropDatabaseAsync();
        await Push.DisposeAsync();
    }
}
