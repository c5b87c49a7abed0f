using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatApp.Modules.Notifications.Providers;

/// <summary>
/// Serializes push payloads with text as UTF-8, not <c>\uXXXX</c> escapes: the 4096-byte limit then holds about six times
/// more of a non-Latin message. Nothing renders the payload as HTML, so the relaxed escaping is safe here.
/// </summary>
internal static class PushJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);
}
