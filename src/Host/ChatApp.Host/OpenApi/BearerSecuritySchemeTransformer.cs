using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ChatApp.Host.OpenApi;

/// <summary>Declares the bearer (JWT) scheme in the OpenAPI document so that reference UIs can send the access token.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ChatApp API";
        document.Info.Description =
            "REST API of the ChatApp backend. Sign in with POST /api/v1/accounts/login and send the access token as "
            + "`Authorization: Bearer <token>`. Every error is an RFC 9457 problem with a stable `code`; validation problems list `errors` per field.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Access token from login or refresh (valid about 15 minutes).",
        };
        return Task.CompletedTask;
    }
}
