using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Modules.Accounts.Deletion;

internal static class DeletionServiceCollectionExtensions
{
    /// <summary>Account deletion: the eraser and the cross-node broadcast of sessions that ended with a deleted account.</summary>
    public static IServiceCollection AddAccountDeletion(this IServiceCollection services)
    {
        services.AddScoped<AccountEraser>();
        services.AddSingleton<SessionEndBroadcast>();
        services.AddHostedService(provider => provider.GetRequiredService<SessionEndBroadcast>());
        return services;
    }
}
