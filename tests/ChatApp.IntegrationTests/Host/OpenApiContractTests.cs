using System.Globalization;
using System.Text.Json.Nodes;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>What a client generator reads from /openapi/v1.json, checked by meaning (the snapshot checks every byte).</summary>
public sealed class OpenApiContractTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_upload_has_file_purpose_and_crop_fields()
    {
        var document = await DocumentAsync();

        var body = document["paths"]!["/api/v1/media/images"]!["post"]!["requestBody"]!;
        Assert.True(body["required"]!.GetValue<bool>());
        var form = body["content"]!["multipart/form-data"]!["schema"]!;
        Assert.Equal(["file", "purpose"], form["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
        var fields = form["properties"]!;
        Assert.Equal("binary", fields["file"]!["format"]!.GetValue<string>());
        Assert.Contains("10485760 bytes", fields["file"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["avatar", "chat"], fields["purpose"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        foreach (var (name, minimum) in new[] { ("cropX", 0), ("cropY", 0), ("cropWidth", 1), ("cropHeight", 1) })
        {
            Assert.Equal("integer", fields[name]!["type"]!.GetValue<string>());
            Assert.Equal(minimum, fields[name]!["minimum"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Every_error_response_is_a_problem_with_a_code()
    {
        var document = await DocumentAsync();

        var problem = document["components"]!["schemas"]!["Problem"]!;
        Assert.Contains("code", problem["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        foreach (var member in new[] { "code", "traceId", "retryAfter", "errors", "status", "title", "detail" })
        {
            Assert.NotNull(problem["properties"]![member]);
        }

        Assert.DoesNotContain("ProblemDetails", document.ToJsonString(), StringComparison.Ordinal);
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 50, $"only {operations.Count} operations");
        foreach (var (name, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("500"), $"{name} has no 500");
            if (operation["security"] is not null)
            {
                Assert.True(responses.ContainsKey("401"), $"{name} is authorised but has no 401");
            }

            foreach (var (status, response) in responses.Where(r => int.Parse(r.Key, CultureInfo.InvariantCulture) >= 400))
            {
                var content = response!["content"]?.AsObject();
                Assert.True(content is { Count: 1 }, $"{name} {status} has no single content type");
                Assert.Equal("#/components/schemas/Problem", content["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>());
            }
        }

        foreach (var rateLimited in new[] { "/api/v1/accounts/login", "/api/v1/accounts/register", "/api/v1/media/images" })
        {
            var tooMany = document["paths"]![rateLimited]!["post"]!["responses"]!["429"];
            Assert.NotNull(tooMany?["headers"]?["Retry-After"]);
        }

        Assert.Null(document["paths"]!["/api/v1/accounts/me"]!["get"]!["responses"]!["429"]); // no rate-limit policy there
    }

    private static IEnumerable<(string Name, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!);

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await Api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
}
