using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>
/// Limits from the FluentValidation rules, into the query and path parameters (<c>limit</c> 1..50, <c>after</c> ≥ 0):
/// the endpoint's handler lives in its slice's namespace, and the slice's <c>…Query</c>/<c>…Command</c> validators
/// name the parameters as members (or with <c>OverridePropertyName</c>). The same rules as
/// <see cref="ValidationRulesSchemaTransformer"/>, except that a parameter's <c>required</c> stays as the route says.
/// </summary>
internal sealed class ValidationRulesParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is not { Count: > 0 } parameters
            || context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault()?.DeclaringType is not { } endpointType)
        {
            return Task.CompletedTask;
        }

        using var scope = context.ApplicationServices.CreateScope();
        var descriptors = SliceMessages(endpointType)
            .Select(type => (Type: type, Validator: scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) as IValidator))
            .Where(found => found.Validator is not null)
            .Select(found => (found.Type, Descriptor: found.Validator!.CreateDescriptor()))
            .ToList();
        foreach (var parameter in parameters.OfType<OpenApiParameter>())
        {
            if (parameter is not { In: ParameterLocation.Query or ParameterLocation.Path, Name: { } name, Schema: OpenApiSchema shared })
            {
                continue;
            }

            OpenApiSchema? schema = null;
            foreach (var (type, descriptor) in descriptors)
            {
                var member = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.Name ?? name;
                foreach (var component in ValidationRulesSchemaTransformer.UnconditionalRules(descriptor, member, name))
                {
                    schema ??= (OpenApiSchema)shared.CreateShallowCopy(); // never change a schema another parameter may hold
                    ValidationRulesSchemaTransformer.Apply(schema, component.Validator);
                }
            }

            if (schema is not null)
            {
                parameter.Schema = schema;
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The slice's messages: <c>…Query</c> and <c>…Command</c> types of the endpoint's namespace.</summary>
    private static IEnumerable<Type> SliceMessages(Type endpointType)
    {
        var outer = endpointType;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring; // a lambda's closure class is nested in the endpoint
        }

        if (outer.Namespace is not { } slice || outer.Assembly.GetName().Name?.StartsWith("ChatApp.Modules.", StringComparison.Ordinal) != true)
        {
            return [];
        }

        return outer.Assembly.GetTypes().Where(type => type.Namespace == slice && !type.IsGenericTypeDefinition
            && (type.Name.EndsWith("Query", StringComparison.Ordinal) || type.Name.EndsWith("Command", StringComparison.Ordinal)));
    }
}
