using System.Reflection;
using System.Text.Json.Nodes;
using ChatApp.BuildingBlocks.Web;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>
/// A route or query parameter of an endpoint's handler marked <see cref="WireValuesAttribute"/> (e.g. <c>{provider}</c>)
/// becomes an <c>enum</c> of its values, as <see cref="WireValuesSchemaTransformer"/> does for body properties.
/// </summary>
internal sealed class WireValuesParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is not { Count: > 0 } parameters)
        {
            return Task.CompletedTask;
        }

        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: { } info }
                || info.GetCustomAttribute<WireValuesAttribute>() is not { } wire
                || parameters.OfType<OpenApiParameter>().FirstOrDefault(p => string.Equals(p.Name, description.Name, StringComparison.OrdinalIgnoreCase)) is not { Schema: OpenApiSchema shared } parameter)
            {
                continue;
            }

            var schema = (OpenApiSchema)shared.CreateShallowCopy(); // never change a schema another parameter may hold
            schema.Enum = wire.Values.Select(value => (JsonNode)JsonValue.Create(value)).ToList();
            parameter.Schema = schema;
        }

        return Task.CompletedTask;
    }
}
