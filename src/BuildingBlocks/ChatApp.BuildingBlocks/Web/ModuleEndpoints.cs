using System.Reflection;
using Carter;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.BuildingBlocks.Web;

/// <summary>
/// Carter endpoints per module: the host registers every module's <see cref="ICarterModule"/> types explicitly, and each
/// module's <c>MapXModule</c> maps its own (instead of one global <c>MapCarter</c>), so a module is mapped by its own entry point.
/// </summary>
public static class ModuleEndpoints
{
    public static Type[] CarterModulesIn(params Assembly[] assemblies) =>
        assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICarterModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();

    public static IEndpointRouteBuilder MapCarterModulesOf(this IEndpointRouteBuilder app, Assembly assembly)
    {
        foreach (var module in app.ServiceProvider.GetServices<ICarterModule>()
                     .Where(m => m.GetType().Assembly == assembly)
                     .OrderBy(m => m.GetType().FullName, StringComparer.Ordinal))
        {
            module.AddRoutes(app);
        }

        return app;
    }
}
