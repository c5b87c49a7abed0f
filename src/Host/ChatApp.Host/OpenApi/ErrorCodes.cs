using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>The <c>x-error-codes</c> extension of a response: the <c>code</c>s its problem can carry.</summary>
internal static class ErrorCodes
{
    public const string Extension = "x-error-codes";

    public static void Add(OpenApiResponse response, IEnumerable<string> codes)
    {
        response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        var list = response.Extensions.TryGetValue(Extension, out var existing) && existing is JsonNodeExtension { Node: JsonArray array }
            ? array.Select(node => node!.GetValue<string>()).ToList()
            : [];
        list.AddRange(codes.Where(code => !list.Contains(code, StringComparer.Ordinal)));
        response.Extensions[Extension] = new JsonNodeExtension(new JsonArray(list.Select(code => (JsonNode)JsonValue.Create(code)).ToArray()));
    }
}
