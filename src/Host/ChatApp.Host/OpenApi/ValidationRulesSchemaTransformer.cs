using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>
/// Limits from the FluentValidation rules, into the body schemas: for a body type <c>T</c> the validator of <c>T</c>
/// or, for <c>XRequest</c>, of <c>XCommand</c> in the same namespace (the slice convention). Not empty → required and
/// <c>minLength: 1</c>; length → <c>minLength</c>/<c>maxLength</c>; between and comparisons with a constant →
/// <c>minimum</c>/<c>maximum</c>; a regular expression → <c>pattern</c>; e-mail → <c>format: email</c>. Conditional
/// rules (<c>When</c>) and rule sets are left out (a limit that holds only sometimes is not the schema's), and rules
/// written as code (<c>Must</c>) are the server's alone.
/// </summary>
internal sealed class ValidationRulesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var typeInfo = context.JsonTypeInfo;
        if (context.JsonPropertyInfo is not null || schema.Properties is not { Count: > 0 } properties
            || ValidatorTypeFor(typeInfo.Type) is not { } validatorType)
        {
            return Task.CompletedTask;
        }

        using var scope = context.ApplicationServices.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(validatorType)) is not IValidator validator)
        {
            return Task.CompletedTask;
        }

        var descriptor = validator.CreateDescriptor();
        foreach (var property in typeInfo.Properties)
        {
            if (property.AttributeProvider is not MemberInfo member || !properties.TryGetValue(property.Name, out var target)
                || target is not OpenApiSchema propertySchema)
            {
                continue;
            }

            foreach (var component in UnconditionalRules(descriptor, member.Name, property.Name))
            {
                if (Apply(propertySchema, component.Validator))
                {
                    schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
                    schema.Required.Add(property.Name);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The unconditional rules of a member, found by its C# name or by the name it reports (<c>OverridePropertyName("score")</c>).</summary>
    internal static IEnumerable<IRuleComponent> UnconditionalRules(IValidatorDescriptor descriptor, params string[] names) =>
        names.Distinct(StringComparer.Ordinal)
            .SelectMany(descriptor.GetRulesForMember)
            .Where(rule => !rule.HasCondition && !rule.HasAsyncCondition && (rule.RuleSets is not { Length: > 0 } sets || sets.Contains("default")))
            .SelectMany(rule => rule.Components)
            .Where(component => !component.HasCondition && !component.HasAsyncCondition);

    private static Type? ValidatorTypeFor(Type type)
    {
        if (type.Assembly.GetName().Name?.StartsWith("ChatApp.Modules.", StringComparison.Ordinal) != true)
        {
            return null;
        }

        return type.Name.EndsWith("Request", StringComparison.Ordinal)
            ? type.Assembly.GetType($"{type.Namespace}.{type.Name[..^"Request".Length]}Command") ?? type
            : type;
    }

    /// <summary>Writes what the rule says into the schema; true when the rule makes the member required.</summary>
    internal static bool Apply(OpenApiSchema schema, IPropertyValidator rule)
    {
        var isText = schema.Type is { } type && type.HasFlag(JsonSchemaType.String);
        switch (rule)
        {
            case INotEmptyValidator:
                if (isText)
                {
                    schema.MinLength ??= 1;
                }

                return true;
            case INotNullValidator:
                return true;
            case ILengthValidator length:
                if (length.Min > 0)
                {
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, length.Min);
                }

                if (length.Max > 0)
                {
                    schema.MaxLength = schema.MaxLength is { } max ? Math.Min(max, length.Max) : length.Max;
                }

                return false;
            case IBetweenValidator between when schema.Type is { } list && list.HasFlag(JsonSchemaType.Array):
                // a rule on the list's Count (RuleFor(q => q.UserIds.Count).InclusiveBetween(1, 100).OverridePropertyName("userIds"))
                schema.MinItems = Count(between.From);
                schema.MaxItems = Count(between.To);
                return false;
            case IBetweenValidator between when !rule.GetType().Name.Contains("Exclusive", StringComparison.Ordinal):
                schema.Minimum = Number(between.From);
                schema.Maximum = Number(between.To);
                return false;
            case IComparisonValidator { ValueToCompare: { } value } comparison when Number(value) is { } bound:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual:
                        schema.Minimum = bound;
                        break;
                    case Comparison.GreaterThan:
                        schema.ExclusiveMinimum = bound;
                        break;
                    case Comparison.LessThanOrEqual:
                        schema.Maximum = bound;
                        break;
                    case Comparison.LessThan:
                        schema.ExclusiveMaximum = bound;
                        break;
                }

                return false;
            case IRegularExpressionValidator { Expression: { } expression }:
                schema.Pattern ??= expression;
                return false;
            case IEmailValidator:
                schema.Format ??= "email";
                return false;
            default:
                return false;
        }
    }

    private static int? Count(object? value) => value is int count ? count : null;

    private static string? Number(object? value) => value switch
    {
        int or long or short or byte or double or float or decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
