using System.Reflection;
using System.Text.Json.Nodes;
using ChatApp.BuildingBlocks.Web;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>A string property marked <see cref="WireValuesAttribute"/> becomes an <c>enum</c> of its values.</summary>
internal sealed class WireValuesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is ICustomAttributeProvider provider
            && provider.GetCustomAttributes(typeof(WireValuesAttribute), inherit: true).OfType<WireValuesAttribute>().FirstOrDefault() is { } wire)
        {
            schema.Enum = wire.Values.Select(value => (JsonNode)JsonValue.Create(value)).ToList();
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                schema.Enum.Add(null!); // a nullable property: null is one of its values (JSON Schema checks enum and type both)
            }
        }

        return Task.CompletedTask;
    }
}
