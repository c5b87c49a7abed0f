namespace ChatApp.BuildingBlocks.Web;

/// <summary>The codes an endpoint's problem response with this status can carry (the OpenAPI document's <c>x-error-codes</c>).</summary>
public sealed record ProblemCodesMetadata(int StatusCode, IReadOnlyList<string> Codes);
