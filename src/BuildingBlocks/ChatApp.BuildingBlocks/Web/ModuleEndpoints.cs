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

    /// <summary>
    /// Maps a module's endpoints in the order listed: the order of its routes in the API document (a path appears
    /// where it is first mapped, its operations in mapping order), so moving a slice between folders never reorders the
    /// contract. Every endpoint of the module must be listed once; a forgotten one stops the host at startup.
    /// </summary>
    public static IEndpointRouteBuilder MapCarterModules(this IEndpointRouteBuilder app, Assembly assembly, params Type[] endpoints)
    {
        var modules = app.ServiceProvider.GetServices<ICarterModule>().Where(m => m.GetType().Assembly == assembly).ToDictionary(m => m.GetType());
        var unlisted = modules.Keys.Except(endpoints).Select(t => t.FullName).ToList();
        var unknown = endpoints.Where(t => !modules.ContainsKey(t)).Select(t => t.FullName).ToList();
        if (unlisted.Count > 0 || unknown.Count > 0 || endpoints.Distinct().Count() != endpoints.Length)
        {
            throw new InvalidOperationException(
                $"The endpoint list of {assembly.GetName().Name} must name each of its endpoints once. Not listed: [{string.Join(", ", unlisted)}]; " +
                $"not endpoints of the module: [{string.Join(", ", unknown)}].");
        }

        foreach (var endpoint in endpoints)
        {
            modules[endpoint].AddRoutes(app);
        }

        return app;
    }
}
