using Microsoft.AspNetCore.Http.Features;

namespace ChatApp.Host.Http;

/// <summary>
/// CORS for browser clients on other origins (ADR 16): only the origins in <c>Cors:AllowedOrigins</c>, none by
/// default, for the REST API and the hub. No credentials: tokens travel in the Authorization header, and to the hub in
/// the <c>access_token</c> query parameter. Browsers do not apply CORS to WebSockets, so a WebSocket handshake that
/// carries an <c>Origin</c> header is checked here too: same origin or an allowed one, else 403.
/// </summary>
internal static class CrossOrigin
{
    public const string OriginNotAllowedCode = "cors.origin_not_allowed";

    public static void AddCrossOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = AllowedOrigins(configuration);
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowAnyMethod()
            .AllowAnyHeader()
            .WithExposedHeaders("Location", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }

    public static void UseCrossOrigin(this WebApplication app)
    {
        var allowed = new HashSet<string>(AllowedOrigins(app.Configuration), StringComparer.OrdinalIgnoreCase);
        app.UseCors();
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (IsWebSocketHandshake(context) && origin.Length > 0 && !allowed.Contains(origin) && !IsSameOrigin(context.Request, origin))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "Forbidden",
                        Type = "https://httpstatuses.io/403",
                        Detail = $"Origin {origin} is not allowed (Cors:AllowedOrigins).",
                        Extensions = { ["code"] = OriginNotAllowedCode },
                    },
                });
                return;
            }

            await next(context);
        });
    }

    /// <summary>The configured origins (<c>scheme://host[:port]</c>), a trailing slash dropped.</summary>
    internal static string[] AllowedOrigins(IConfiguration configuration) =>
        (configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])
            .Where(origin => !string.IsNullOrWhiteSpace(origin))
            .Select(origin => origin.Trim().TrimEnd('/'))
            .ToArray();

    /// <summary>
    /// An HTTP/1.1 upgrade or an HTTP/2 extended CONNECT to a WebSocket (SignalR adds the WebSocket middleware inside its
    /// endpoints, so <c>HttpContext.WebSockets</c> cannot tell yet).
    /// </summary>
    private static bool IsWebSocketHandshake(HttpContext context) =>
        string.Equals(context.Request.Headers.Upgrade, "websocket", StringComparison.OrdinalIgnoreCase)
        || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: var protocol }
            && string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The page was served by this host: the origin's host (and port, when the request names one) is the request's.
    /// The scheme is not compared, since behind a TLS-terminating proxy the request may still read as http.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && (request.Host.Port is null || request.Host.Port == uri.Port);
}
