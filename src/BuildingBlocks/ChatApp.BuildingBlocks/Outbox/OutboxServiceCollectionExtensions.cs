using ChatApp.BuildingBlocks.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatApp.BuildingBlocks.Outbox;

public static class OutboxServiceCollectionExtensions
{
    internal static IServiceCollection AddOutboxDispatcher<TContext>(this IServiceCollection services, string module)
        where TContext : DbContext
    {
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<OutboxTelemetry>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<OutboxDispatcher<TContext>>(provider, module));
        return services;
    }
}
