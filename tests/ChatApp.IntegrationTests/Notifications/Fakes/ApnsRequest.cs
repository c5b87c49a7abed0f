using System.Text.Json.Nodes;

namespace ChatApp.IntegrationTests.Notifications.Fakes;

/// <summary>One push <see cref="FakeApnsServer"/> received: device token, HTTP version, headers (lower-case names), payload, and its answer.</summary>
public sealed record ApnsRequest(
    string Token, string Protocol, IReadOnlyDictionary<string, string> Headers, JsonObject? Payload, int PayloadBytes, string? ProviderToken, int Status, string? Reason)
{
    public JsonObject? Aps => Payload?["aps"] as JsonObject;

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public override string ToString() => $"{Status} {Token[..Math.Min(8, Token.Length)]}… {Reason}";
}
