using System.Globalization;
using ChatApp.BuildingBlocks.Web;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>The codes an endpoint declares (<see cref="ProblemCodeExtensions.ProducesErrors"/>) into its responses' <c>x-error-codes</c> and descriptions.</summary>
internal sealed class ProblemCodesOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<ProblemCodesMetadata>())
        {
            var status = declared.StatusCode.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(status, out var found) || found is not OpenApiResponse response)
            {
                response = new OpenApiResponse();
                operation.Responses[status] = response;
            }

            response.Description = $"{response.Description?.TrimEnd('.')}. Codes: {string.Join(", ", declared.Codes)}.".TrimStart('.', ' ');
            ErrorCodes.Add(response, declared.Codes);
        }

        return Task.CompletedTask;
    }
}
