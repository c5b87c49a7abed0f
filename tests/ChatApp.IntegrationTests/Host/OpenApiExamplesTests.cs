using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatApp.BuildingBlocks.Web;
using ChatApp.Host.OpenApi;
using ChatApp.IntegrationTests.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The examples of the OpenAPI document (<see cref="Examples"/>): present, and true to the C# types they show.</summary>
public sealed class OpenApiExamplesTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    /// <summary>Reads as strictly as a careful client: no unknown member, no missing required one, no null where none may be.</summary>
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.Strict,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    [Fact]
    public async Task The_main_bodies_have_examples()
    {
        var schemas = JsonNode.Parse(await Api.Anonymous().GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;

        foreach (var name in new[] { "RegisterCommand", "LoginCommand", "TokenResponse", "SendMessageRequest", "MessageResponse", "RoomResponse", "MediaImageResponse", "Problem" })
        {
            Assert.True(schemas[name]?["examples"]?[0] is JsonObject, $"{name} has no example");
        }

        foreach (var (type, example) in Examples.ByType)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), schemas[type.Name]?["examples"]?[0]), $"{type.Name}'s example is not the one in the document");
        }
    }

    [Fact]
    public void Every_example_reads_back_into_its_type_unchanged()
    {
        foreach (var (type, example) in Examples.ByType)
        {
            var value = JsonSerializer.Deserialize(example, type, Strict);

            Assert.NotNull(value);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(example), JsonSerializer.SerializeToNode(value, type, Strict)), $"{type.Name}'s example does not round-trip");
            AssertWireValues(value, type.Name);
        }

        var problem = JsonSerializer.Deserialize<HttpValidationProblemDetails>(Examples.Problem, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal("validation_failed", problem.Extensions["code"]?.ToString());
        Assert.NotEmpty(problem.Errors);
    }

    [Fact]
    public async Task Request_examples_pass_their_validators()
    {
        using var scope = Factory.Services.CreateScope();
        var validated = 0;
        foreach (var (type, example) in Examples.ByType)
        {
            if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type)) is IValidator validator)
            {
                var outcome = await validator.ValidateAsync(new ValidationContext<object>(JsonSerializer.Deserialize(example, type, Strict)!));
                Assert.True(outcome.IsValid, $"{type.Name}'s example is invalid: {outcome}");
                validated++;
            }
        }

        Assert.True(validated >= 2, "register and login have validators");
    }

    /// <summary>Every string marked <see cref="WireValuesAttribute"/> in the example (nested records too) is one of its values.</summary>
    private static void AssertWireValues(object? value, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Guid or DateTime or decimal)
        {
            return;
        }

        if (value is System.Collections.IEnumerable list)
        {
            foreach (var item in list)
            {
                AssertWireValues(item, path + "[]");
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var member = property.GetValue(value);
            if (property.GetCustomAttribute<WireValuesAttribute>() is { } wire && member is string text)
            {
                Assert.True(wire.Values.Contains(text), $"{path}.{property.Name} = {text} is not one of {string.Join(", ", wire.Values)}");
            }
            else if (property.PropertyType.Namespace?.StartsWith("ChatApp.", StringComparison.Ordinal) == true || member is System.Collections.IEnumerable and not string)
            {
                AssertWireValues(member, $"{path}.{property.Name}");
            }
        }
    }
}
