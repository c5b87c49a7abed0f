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

    private async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await Api.Anonymous().GetStringAsync("/openapi/v1.json"))!;
}
