using System.Net;
using ChatApp.IntegrationTests.Host.Telemetry.Otlp;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Host.Telemetry;

/// <summary>
/// A real OTLP/HTTP receiver, as a collector runs it: Kestrel on 127.0.0.1 (a free port) accepting
/// <c>POST /v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> with <c>application/x-protobuf</c> bodies, decoding
/// them (<c>otlp.proto</c>) and keeping what arrived for the test to inspect.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedSpan> _spans = [];
    private readonly List<ReceivedMetric> _metrics = [];
    private readonly List<ReceivedLog> _logs = [];
    private readonly List<string> _refused = [];

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base URL an exporter is pointed at (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedSpan> Spans => Snapshot(_spans);

    public IReadOnlyList<ReceivedMetric> Metrics => Snapshot(_metrics);

    public IReadOnlyList<ReceivedLog> Logs => Snapshot(_logs);

    /// <summary>Requests the receiver could not accept (wrong content type, undecodable body).</summary>
    public IReadOnlyList<string> Refused => Snapshot(_refused);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", context => receiver.ReceiveAsync(context, ExportTraceServiceRequest.Parser, receiver.Add));
        app.MapPost("/v1/metrics", context => receiver.ReceiveAsync(context, ExportMetricsServiceRequest.Parser, receiver.Add));
        app.MapPost("/v1/logs", context => receiver.ReceiveAsync(context, ExportLogsServiceRequest.Parser, receiver.Add));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync<T>(HttpContext context, MessageParser<T> parser, Action<T> add)
        where T : IMessage<T>
    {
        if (context.Request.ContentType != "application/x-protobuf")
        {
            Refuse(context, $"{context.Request.Path}: content type {context.Request.ContentType}");
            return;
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        T message;
        try
        {
            message = parser.ParseFrom(body.ToArray());
        }
        catch (InvalidProtocolBufferException ex)
        {
            Refuse(context, $"{context.Request.Path}: {ex.Message}");
            return;
        }

        add(message);
        // An empty Export*ServiceResponse: full success.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }

    private void Refuse(HttpContext context, string why)
    {
        lock (_refused)
        {
            _refused.Add(why);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    private void Add(ExportTraceServiceRequest request)
    {
        var spans = request.ResourceSpans.SelectMany(r => r.ScopeSpans.SelectMany(scope => scope.Spans.Select(span => new ReceivedSpan(
            Hex(span.TraceId), Hex(span.SpanId), Hex(span.ParentSpanId), span.Name, span.Kind, scope.Scope?.Name ?? "",
            Attributes(span.Attributes), span.Links.Select(l => (Hex(l.TraceId), Hex(l.SpanId))).ToList(), Attributes(r.Resource?.Attributes)))));
        lock (_spans)
        {
            _spans.AddRange(spans);
        }
    }

    private void Add(ExportMetricsServiceRequest request)
    {
        var metrics = request.ResourceMetrics.SelectMany(r => r.ScopeMetrics.SelectMany(scope => scope.Metrics.Select(metric => new ReceivedMetric(
            metric.Name, scope.Scope?.Name ?? "", Total(metric), Attributes(r.Resource?.Attributes)))));
        lock (_metrics)
        {
            _metrics.AddRange(metrics);
        }
    }

    private void Add(ExportLogsServiceRequest request)
    {
        var logs = request.ResourceLogs.SelectMany(r => r.ScopeLogs.SelectMany(scope => scope.LogRecords.Select(log => new ReceivedLog(
            scope.Scope?.Name ?? "", log.SeverityText, log.Body?.StringValue ?? "", Hex(log.TraceId), Attributes(r.Resource?.Attributes)))));
        lock (_logs)
        {
            _logs.AddRange(logs);
        }
    }

    /// <summary>A sum's or gauge's points added up, or a histogram's count.</summary>
    private static double Total(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Sum(Value),
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Sum(Value),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Sum(p => (double)p.Count),
        _ => 0,
    };

    private static double Value(NumberDataPoint point) => point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue>? attributes) =>
        (attributes ?? []).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value switch
        {
            null => "",
            { ValueCase: AnyValue.ValueOneofCase.StringValue } v => v.StringValue,
            { ValueCase: AnyValue.ValueOneofCase.IntValue } v => v.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            { ValueCase: AnyValue.ValueOneofCase.BoolValue } v => v.BoolValue ? "true" : "false",
            { ValueCase: AnyValue.ValueOneofCase.DoubleValue } v => v.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "",
        });

    private static string Hex(ByteString bytes) => Convert.ToHexStringLower(bytes.Span);

    private static List<T> Snapshot<T>(List<T> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }
}
