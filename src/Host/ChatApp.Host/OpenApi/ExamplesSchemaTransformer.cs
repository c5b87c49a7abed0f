using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>Puts the example of a body type (<see cref="Examples"/>) on its schema.</summary>
internal sealed class ExamplesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && Examples.ByType.TryGetValue(context.JsonTypeInfo.Type, out var example))
        {
            schema.Examples = [Examples.Parse(example)]; // JSON Schema's examples (OpenAPI 3.1), not the deprecated example
        }

        return Task.CompletedTask;
    }
}
