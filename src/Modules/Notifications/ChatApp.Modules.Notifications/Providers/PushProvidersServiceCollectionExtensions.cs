using ChatApp.Modules.Notifications.Providers.Apns;
using ChatApp.Modules.Notifications.Providers.Fcm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Providers;

internal static class PushProvidersServiceCollectionExtensions
{
    /// <summary>
    /// FCM (Android) and APNs (iOS) as <see cref="IPushProvider"/> singletons, their options (<c>Notifications:Fcm</c>,
    /// <c>Notifications:Apns</c>; unconfigured = off, half-configured = refuses to start) and their named HTTP clients
    /// (<see cref="PushHttpClients.Fcm"/>, <see cref="PushHttpClients.Apns"/>) with retries.
    /// </summary>
    public static IServiceCollection AddPushProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<FcmOptions>().Bind(configuration.GetSection(FcmOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FcmOptions>, FcmOptionsValidator>());
        services.AddOptions<ApnsOptions>().Bind(configuration.GetSection(ApnsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApnsOptions>, ApnsOptionsValidator>());

        // No request logging: an APNs address holds the device token, and a log line per push is noise; the providers
        // return every failure and log what operators must act on.
        services.AddHttpClient(PushHttpClients.Fcm).RemoveAllLoggers().AddPushResilience();

        // One long-lived HTTP/2 handler (APNs wants connections kept open): it recycles its own connections every 30 minutes.
        services.AddHttpClient(PushHttpClients.Apns)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(PushHttpClients.CreateApnsHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddPushResilience();

        services.TryAddSingleton<FcmPushProvider>();
        services.TryAddSingleton<ApnsPushProvider>();
        services.AddSingleton<IPushProvider>(provider => provider.GetRequiredService<FcmPushProvider>());
        services.AddSingleton<IPushProvider>(provider => provider.GetRequiredService<ApnsPushProvider>());
        return services;
    }
}
