using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.BuildingBlocks.Events;

public static class IntegrationEventRegistration
{
    /// <summary>Registers every integration event handler of a module's assembly (scoped).</summary>
    public static IServiceCollection AddIntegrationEventHandlers(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>)))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}
