using Microsoft.AspNetCore.Builder;

namespace ChatApp.BuildingBlocks.Web;

/// <summary>
/// How an endpoint departs from the host's default request body limit (64 KiB for JSON, 16 KiB when anonymous; ADR 16).
/// A body over the limit gets 413 with the code <c>request.too_large</c> before the endpoint runs.
/// </summary>
public static class BodyLimitExtensions
{
    /// <summary>A limit of its own, for a JSON route whose valid bodies can be larger than the default.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata(bytes));

    /// <summary>The endpoint sets and enforces its limit itself (uploads, whose limit is configuration), answering its own 413.</summary>
    public static TBuilder WithOwnBodyLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimitMetadata(null));
}
