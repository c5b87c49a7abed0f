using Microsoft.Extensions.Hosting;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>
/// Runs first when the host starts, before the server accepts requests and before background dispatchers poll:
/// creates or migrates the module databases (when configured to) and runs module initializers.
/// </summary>
internal sealed class ModuleInitializationService(IServiceProvider services, DatabaseSettings settings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        services.InitializeModulesAsync(settings.ApplyMigrationsOnStartup, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
