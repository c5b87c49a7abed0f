namespace ChatApp.Host.Http;

/// <summary>
/// Which paths are the web app's own routes (ADR 0025 part D): neither a file (a dot in the last segment: a missing
/// asset stays a 404) nor under a server prefix, whose unknown paths keep their 404/405 problem responses.
/// </summary>
internal sealed class WebAppPathConstraint : IRouteConstraint
{
    public const string Name = "webapp";

    /// <summary>First path segments the server owns (the API, the hub, probes, admin pages, documents, media, the app's framework files).</summary>
    public static readonly IReadOnlySet<string> ServerSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "hubs", "health", "hangfire", "admin", "openapi", "scalar", "media", "_framework", "_content",
    };

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        var path = values.TryGetValue(routeKey, out var value) ? value as string ?? string.Empty : string.Empty;
        return IsClientRoute(path);
    }

    public static bool IsClientRoute(string path)
    {
        var trimmed = path.Trim('/');
        if (trimmed.Length == 0)
        {
            return true;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? trimmed : trimmed[..slash];
        var last = trimmed[(trimmed.LastIndexOf('/') + 1)..];
        return !ServerSegments.Contains(first) && !last.Contains('.', StringComparison.Ordinal);
    }
}
