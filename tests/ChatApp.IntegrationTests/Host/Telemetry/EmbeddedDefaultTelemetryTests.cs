using ChatApp.Host.Telemetry;
using ChatApp.IntegrationTests.Infrastructure;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatApp.IntegrationTests.Host.Telemetry;

/// <summary>Without an OTLP endpoint (the embedded default) telemetry is off: nothing of OpenTelemetry is registered.</summary>
public sealed class EmbeddedDefaultTelemetryTests(EmbeddedChatAppFactory factory) : IntegrationTest<EmbeddedChatAppFactory>(factory)
{
    [Fact]
    public void The_embedded_default_registers_no_tracer_meter_or_logger_provider_and_no_job_filter()
    {
        var services = Factory.Services;

        Assert.Null(TelemetrySetup.OtlpEndpoint(services.GetRequiredService<IConfiguration>()));
        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.Null(services.GetService<LoggerProvider>());
        Assert.Null(services.GetService<JobTelemetryFilter>());
        Assert.Same(JobFilterProviders.Providers, services.GetRequiredService<IJobFilterProvider>());
    }

    [Fact]
    public void An_endpoint_that_is_not_a_url_is_refused_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:OtlpEndpoint"] = "collector:4318" }).Build();

        var refusal = Assert.Throws<InvalidOperationException>(() => TelemetrySetup.OtlpEndpoint(configuration));
        Assert.Contains("Telemetry:OtlpEndpoint", refusal.Message, StringComparison.Ordinal);
    }
}
