using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>
/// Every error response (4xx/5xx) of every operation is <c>application/problem+json</c> with the <c>Problem</c> schema:
/// the RFC 9457 members plus what ChatApp always or sometimes adds (<c>code</c> always, <c>traceId</c>,
/// <c>retryAfter</c>, <c>errors</c>). It replaces the stock <c>ProblemDetails</c> and <c>HttpValidationProblemDetails</c>,
/// which have no <c>code</c>, so that a generated client has one error type to read.
/// </summary>
internal sealed class ProblemSchemaDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemaName = "Problem";
    public const string ContentType = "application/problem+json";

    private static readonly string[] StockSchemas = ["ProblemDetails", "HttpValidationProblemDetails"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = ProblemSchema();
        var operations = document.Paths.Values.SelectMany(path => path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>());
        foreach (var operation in operations)
        {
            foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
            {
                if (response is OpenApiResponse concrete && IsError(status))
                {
                    concrete.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ContentType] = new() { Schema = new OpenApiSchemaReference(SchemaName, document) },
                    };
                }
            }
        }

        foreach (var stock in StockSchemas)
        {
            document.Components.Schemas.Remove(stock);
        }

        return Task.CompletedTask;
    }

    private static bool IsError(string status) =>
        int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code >= 400 : status is "4XX" or "5XX";

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Branch on code (stable, e.g. validation_failed, rate_limited, chat.not_a_member), never on title or detail.",
        Required = new HashSet<string> { "code" },
        Examples = [Examples.Parse(Examples.Problem)],
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI for the status."),
            ["title"] = Text("Short, human-readable summary of the status."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("Human-readable explanation of this occurrence (English; for logs, not for branching)."),
            ["instance"] = Text("The request path."),
            ["code"] = Text("Stable machine-readable error code."),
            ["traceId"] = Text("Identifies the request in the server's logs and traces."),
            ["retryAfter"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = "int32",
                Minimum = "1",
                Description = "Seconds to wait before retrying (429, and some 503); also sent as the Retry-After header.",
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "validation_failed only: the messages for each invalid field (field name → messages).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
