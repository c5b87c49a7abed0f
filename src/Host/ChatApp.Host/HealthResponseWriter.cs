using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatApp.Host;

/// <summary>Writes the readiness report as JSON: overall status and each check's status and duration.</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), durationMs = entry.Value.Duration.TotalMilliseconds, error = entry.Value.Exception?.Message }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
