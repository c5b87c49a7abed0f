namespace ChatApp.Host.OpenApi;

/// <summary>The OpenAPI document at /openapi/v1.json: what client generators and the mobile app build against (ADR 0025).</summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddChatAppOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options
            .AddDocumentTransformer<BearerSecuritySchemeTransformer>()
            .AddOperationTransformer<BearerRequirementOperationTransformer>()
            .AddOperationTransformer<ProblemCodesOperationTransformer>()
            .AddOperationTransformer<CommonErrorResponsesOperationTransformer>()
            .AddOperationTransformer<ValidationRulesParameterTransformer>()
            .AddOperationTransformer<WireValuesParameterTransformer>()
            .AddSchemaTransformer<WireValuesSchemaTransformer>()
            .AddSchemaTransformer<ValidationRulesSchemaTransformer>()
            .AddSchemaTransformer<ExamplesSchemaTransformer>()
            .AddDocumentTransformer<ProblemSchemaDocumentTransformer>());
}
