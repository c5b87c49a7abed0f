using ChatApp.IntegrationTests.Host.Telemetry.Otlp;

namespace ChatApp.IntegrationTests.Host.Telemetry;

/// <summary>A span as the receiver decoded it (ids in lower-case hex; an empty parent id for a root).</summary>
internal sealed record ReceivedSpan(
    string TraceId, string SpanId, string ParentSpanId, string Name, Span.Types.SpanKind Kind, string Scope,
    Dictionary<string, string> Attributes, List<(string TraceId, string SpanId)> Links, Dictionary<string, string> Resource);
