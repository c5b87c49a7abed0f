namespace ChatApp.IntegrationTests.Host.Telemetry;

/// <summary>One exported log record.</summary>
internal sealed record ReceivedLog(string Scope, string Severity, string Body, string TraceId, Dictionary<string, string> Resource);
