using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ChatApp.Modules.Media.Features.UploadImage;

/// <summary>
/// The upload's multipart body in the OpenAPI document. The handler reads the form by hand (so that it can answer a too
/// large or malformed upload itself), so nothing describes the fields unless this does: the schema here must follow the
/// handler's parsing in <see cref="UploadImageEndpoint"/>.
/// </summary>
internal static class UploadImageOpenApi
{
    public const string ContentType = "multipart/form-data";

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var limit = context.ApplicationServices.GetRequiredService<IOptions<MediaOptions>>().Value.MaxUploadBytes;
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "file", "purpose" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["file"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Format = "binary",
                    Description = $"The image (JPEG, PNG or WebP, judged from its content), at most {limit} bytes ({limit / (1024 * 1024)} MiB); larger uploads answer 413 media.too_large.",
                },
                ["purpose"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [JsonValue.Create("avatar"), JsonValue.Create("chat")],
                    Description = "avatar: a profile picture (public URLs); chat: a message attachment (signed URLs).",
                },
                ["cropX"] = Pixels(0, "Left edge of the crop, in pixels of the original image."),
                ["cropY"] = Pixels(0, "Top edge of the crop, in pixels of the original image."),
                ["cropWidth"] = Pixels(1, "Width of the crop, in pixels."),
                ["cropHeight"] = Pixels(1, "Height of the crop, in pixels."),
            },
            Description = "Give all four crop fields or none.",
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = $"multipart/form-data, at most {limit} bytes of image plus the form fields.",
            Content = new Dictionary<string, OpenApiMediaType> { [ContentType] = new OpenApiMediaType { Schema = form } },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema Pixels(int minimum, string description) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Description = description,
    };
}
