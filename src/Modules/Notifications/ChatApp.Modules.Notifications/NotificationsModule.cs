using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Notifications;

/// <summary>The Notifications module's one entry point: devices, push preferences and the push sender.</summary>
public static class NotificationsModule
{
    public const string Name = "notifications";

    /// <summary>The module's endpoints in the order of the API document (see <see cref="ModuleEndpoints.MapCarterModules"/>); a new slice adds its endpoint here.</summary>
    private static readonly Type[] Endpoints =
    [
        typeof(Features.RegisterDevice.RegisterDeviceEndpoint),
        typeof(Features.ListDevices.ListDevicesEndpoint),
        typeof(Features.RemoveDevice.RemoveDeviceEndpoint),
        typeof(Features.GetPreferences.GetPreferencesEndpoint),
        typeof(Features.UpdatePreferences.UpdatePreferencesEndpoint),
        typeof(Features.MuteRoom.MuteRoomEndpoint),
        typeof(Features.UnmuteRoom.UnmuteRoomEndpoint),
        typeof(Features.ListMutes.ListMutesEndpoint),
    ];

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = typeof(NotificationsModule).Assembly;
        services.AddModuleDbContext<NotificationsDbContext>(Name, NotificationsDbContext.Schema);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddIntegrationEventHandlers(assembly);
        services.AddOptions<NotificationsOptions>().BindConfiguration(NotificationsOptions.SectionName)
            .Validate(o => o.Delay >= TimeSpan.Zero && o.ClearDelay >= TimeSpan.Zero, "Notifications:Delay and ClearDelay must not be negative.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.LeaseDuration >= TimeSpan.FromSeconds(120), "Notifications:PollInterval must be positive and LeaseDuration at least 2 minutes.")
            .Validate(o => o.BatchSize > 0 && o.MaxConcurrentSends > 0, "Notifications:BatchSize and MaxConcurrentSends must be positive.")
            .ValidateOnStart();
        services.AddPushProviders(configuration);
        services.AddSingleton<PushMetrics>();
        services.AddScoped<PushDispatch>();
        services.AddHostedService<PushSender>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder app)
    {
        app.MapCarterModules(typeof(NotificationsModule).Assembly, Endpoints);
        return app;
    }
}
