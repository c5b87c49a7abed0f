using System.Reflection;
using Hangfire.Common;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatApp.Host.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported over OTLP only when an endpoint is configured
/// (<c>Telemetry:OtlpEndpoint</c> or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Without one nothing is
/// registered: no tracer, meter or logger provider, no listener on any activity source or meter, so the embedded
/// default pays nothing (ADR 0020). ChatApp's own sources and meters are subscribed by the wildcard <c>ChatApp.*</c>,
/// so a module that adds one (the query cache's <c>ChatApp.Cache</c>, say) is exported without touching this file.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>Activity sources and meters of ChatApp itself.</summary>
    public const string ChatAppWildcard = "ChatApp.*";

    /// <summary>The hub-method activities of ASP.NET Core SignalR (.NET 9 and later): one root span per invocation.</summary>
    public const string SignalRServerSource = "Microsoft.AspNetCore.SignalR.Server";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = OtlpEndpoint(configuration);
        if (endpoint is null)
        {
            return services;
        }

        var protocol = string.Equals(configuration["Telemetry:OtlpProtocol"] ?? configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "grpc", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.Grpc
            : OtlpExportProtocol.HttpProtobuf;
        var useRedis = !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"));

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] ?? configuration["Telemetry:ServiceName"] ?? "chatapp",
                serviceVersion: typeof(TelemetrySetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                serviceInstanceId: configuration["Telemetry:ServiceInstanceId"] ?? $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new BackgroundCallsSampler()))
                    .AddSource(ChatAppWildcard, SignalRServerSource)
                    .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                    .AddHttpClientInstrumentation(options => options.EnrichWithHttpRequestMessage = PushTokenRedaction.Enrich)
                    .AddEntityFrameworkCoreInstrumentation();
                if (useRedis)
                {
                    tracing.AddRedisInstrumentation();
                }
            })
            .WithMetrics(metrics => metrics
                .AddMeter(ChatAppWildcard)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.Server.Kestrel"))
            .WithLogging(configureBuilder: null, configureOptions: logging =>
            {
                logging.IncludeFormattedMessage = true;
                logging.IncludeScopes = true;
            })
            .UseOtlpExporter(protocol, endpoint);

        // Hangfire jobs: trace context carried from whoever queued a job to its run, and job runs counted.
        services.AddSingleton<JobTelemetryFilter>();
        services.AddSingleton<IJobFilterProvider>(provider =>
        {
            var filters = new JobFilterCollection { provider.GetRequiredService<JobTelemetryFilter>() };
            return new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
        });
        return services;
    }

    /// <summary>The OTLP endpoint, or null when telemetry is off.</summary>
    public static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"Telemetry:OtlpEndpoint / OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL such as http://collector:4318, not '{value}'.");
    }
}
