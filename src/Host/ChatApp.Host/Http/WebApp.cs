namespace ChatApp.Host.Http;

/// <summary>
/// The web app at / (ADR 0025 part D): the Blazor WebAssembly project's files as static assets, and its
/// <c>index.html</c> for GET and HEAD of the app's own routes (<see cref="WebAppPathConstraint"/>), so a reload of
/// <c>/rooms/…</c> opens the app while unknown API, hub, probe and admin paths keep their problem responses.
/// </summary>
internal static class WebApp
{
    public static void AddWebApp(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<WebAppPathConstraint>(WebAppPathConstraint.Name));

    public static void MapWebApp(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapFallbackToFile($"{{*path:{WebAppPathConstraint.Name}}}", "index.html")
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithDisplayName("Web app");
    }
}
