namespace ChatApp.Host.Http;

/// <summary>The host's HTTP hardening (ADR 16) in the order it must run: headers on every response, CORS, body limits.</summary>
internal static class HttpHardening
{
    public static void AddHttpHardening(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrossOrigin(configuration);
        services.AddRequestBodyLimits();
    }

    /// <summary>First in the pipeline, so that every answer, errors and refusals included, carries the headers.</summary>
    public static void UseHttpHardening(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseCrossOrigin();
        app.UseRequestBodyLimits();
    }
}
