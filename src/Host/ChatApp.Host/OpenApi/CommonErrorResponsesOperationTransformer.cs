using ChatApp.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>
/// The errors that the pipeline, not the handler, can answer on an operation, so that a client sees them in the document:
/// 400 when there is a body or parameters to read, 401 on authorised operations, 413 with a body, 429 where a rate-limit
/// policy applies (with Retry-After), 500 everywhere. Their content (the <c>Problem</c> schema) is set by
/// <see cref="ProblemSchemaDocumentTransformer"/>.
/// </summary>
internal sealed class CommonErrorResponsesOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        var responses = operation.Responses;
        var hasBody = operation.RequestBody is not null;
        if (hasBody || operation.Parameters is { Count: > 0 })
        {
            responses.TryAdd("400", Response($"A body or parameter that cannot be read ({ProblemCodes.BadRequest}) or is invalid (validation_failed, with errors per field)."));
            Codes(responses, "400", ProblemCodes.BadRequest, "validation_failed");
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            responses.TryAdd("401", Response("No access token, or it is expired, invalid or its session was revoked."));
            Codes(responses, "401", ProblemCodes.Unauthorized);
        }

        if (hasBody)
        {
            responses.TryAdd("413", Response($"The body is larger than the limit ({ProblemCodes.TooLarge})."));
            Codes(responses, "413", ProblemCodes.TooLarge);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any() && !metadata.OfType<DisableRateLimitingAttribute>().Any())
        {
            var tooMany = Response($"Too many requests ({ProblemCodes.RateLimited} or the module's own code); retry after Retry-After seconds (also in retryAfter).");
            tooMany.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before retrying.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1" },
                },
            };
            if (!responses.TryAdd("429", tooMany) && responses["429"] is OpenApiResponse declared)
            {
                declared.Headers ??= new Dictionary<string, IOpenApiHeader>();
                declared.Headers.TryAdd("Retry-After", tooMany.Headers["Retry-After"]);
            }

            Codes(responses, "429", ProblemCodes.RateLimited);
        }

        responses.TryAdd("500", Response($"An unexpected failure ({ProblemCodes.InternalError}); the traceId finds it in the logs."));
        Codes(responses, "500", ProblemCodes.InternalError);
        return Task.CompletedTask;
    }

    private static void Codes(OpenApiResponses responses, string status, params string[] codes)
    {
        if (responses[status] is OpenApiResponse response)
        {
            ErrorCodes.Add(response, codes);
        }
    }

    private static OpenApiResponse Response(string description) => new() { Description = description };
}
