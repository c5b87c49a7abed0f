namespace ChatApp.Host.Http;

/// <summary>
/// Headers on every response (ADR 16): no MIME sniffing, no referrer, no framing, a content security policy that fits
/// what the response is, and HSTS outside Development when the request came over HTTPS (TLS ends at the proxy, so that
/// is the forwarded scheme).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>JSON, images and everything else that is not a page: nothing may load from it, nobody may frame it.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The Hangfire dashboard: its own scripts (no inline script), its style sheets plus the inline styles its pages and
    /// its chart library apply, its polling, a data: favicon.
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Scalar's API reference (Development only): an inline module script that starts it, its styles and fonts, and calls to this API.</summary>
    public const string ApiReferencePolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https://fonts.scalar.com; " +
        "font-src 'self' data: https://fonts.scalar.com; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; " +
        "base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The web app at / (ADR 0025 part D): its own scripts and WebAssembly ('wasm-unsafe-eval' lets the runtime compile
    /// it; no eval, no inline script), inline styles Blazor sets, images from here, data:/blob: (previews) and the media
    /// origins (<see cref="WebAppPolicyWith"/>), calls and the hub's WebSocket to this origin only.
    /// </summary>
    public const string WebAppPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; base-uri 'self'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";

    /// <summary>The server-rendered admin pages (sign-in form, review queue): inline styles, a form posting back here, nothing else.</summary>
    public const string PagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        var maxAge = app.Configuration.GetValue("SecurityHeaders:HstsMaxAge", TimeSpan.FromDays(365));
        var hsts = app.Environment.IsDevelopment() ? null : $"max-age={(long)maxAge.TotalSeconds}";
        var webApp = WebAppPolicyWith(MediaOrigins.From(app.Configuration));
        app.Use((context, next) =>
        {
            // The path as it came in: the dashboard rewrites Path and PathBase while it handles a request.
            var path = context.Request.PathBase.Add(context.Request.Path);
            context.Response.OnStarting(() =>
            {
                Apply(context, path, hsts, webApp);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>Sets the headers as the response starts, when its content type is known; <paramref name="hsts"/> null: no HSTS.</summary>
    internal static void Apply(HttpContext context, PathString path, string? hsts, string webAppPolicy = WebAppPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = PolicyFor(path, context.Response.ContentType, webAppPolicy);
        if (hsts is not null && context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = hsts;
        }
    }

    /// <summary><see cref="WebAppPolicy"/> with <paramref name="imageOrigins"/> (e.g. <c>https://cdn.example.com</c>) allowed as image sources.</summary>
    internal static string WebAppPolicyWith(IEnumerable<string> imageOrigins)
    {
        var extra = string.Concat(imageOrigins.Select(origin => " " + origin));
        return WebAppPolicy.Replace("img-src 'self' data: blob:;", $"img-src 'self' data: blob:{extra};", StringComparison.Ordinal);
    }

    internal static string PolicyFor(PathString path, string? contentType, string webAppPolicy = WebAppPolicy)
    {
        if (path.StartsWithSegments("/hangfire"))
        {
            return DashboardPolicy;
        }

        if (path.StartsWithSegments("/scalar"))
        {
            return ApiReferencePolicy;
        }

        if (contentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            return ApiPolicy;
        }

        return path.StartsWithSegments("/admin") ? PagePolicy : webAppPolicy;
    }
}
