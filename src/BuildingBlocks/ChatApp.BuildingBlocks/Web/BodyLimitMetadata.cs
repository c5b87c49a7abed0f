using Microsoft.AspNetCore.Http.Metadata;

namespace ChatApp.BuildingBlocks.Web;

/// <summary>
/// An endpoint's own request body limit (null: the endpoint enforces one itself, as the upload does). Endpoints without
/// it get the host's default (ADR 16): small for JSON, smaller still for anonymous routes.
/// </summary>
internal sealed record BodyLimitMetadata(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
