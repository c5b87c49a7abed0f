using System.Text.Json.Nodes;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>One send <see cref="FakeFcmServer"/> received: the target token, headers, the parsed <c>message</c>, and its answer.</summary>
public sealed record FcmRequest(string? Token, IReadOnlyDictionary<string, string> Headers, JsonObject? Message, int Status, string? Reason)
{
    public JsonObject? Data => Message?["data"] as JsonObject;

    public JsonObject? Android => Message?["android"] as JsonObject;

    public JsonObject? Notification => Message?["notification"] as JsonObject;

    public override string ToString() => $"{Status} {Token} {Reason}";
}
