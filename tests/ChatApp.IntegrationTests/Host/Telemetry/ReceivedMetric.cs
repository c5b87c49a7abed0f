namespace ChatApp.IntegrationTests.Host.Telemetry;

/// <summary>One exported metric: its points added up (a histogram: its count).</summary>
internal sealed record ReceivedMetric(string Name, string Scope, double Total, Dictionary<string, string> Resource);
