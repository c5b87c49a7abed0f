using System.Net;

namespace ChatApp.Client;

/// <summary>
/// A refusal from the API: its problem response (docs/api.md "Errors"). Switch on <see cref="Status"/> and
/// <see cref="Code"/>, never on <see cref="Detail"/>.
/// </summary>
public sealed class ChatAppApiException(
    HttpStatusCode status, string code, string? detail, IReadOnlyDictionary<string, string[]> errors, TimeSpan? retryAfter)
    : Exception($"{(int)status} {code}: {detail}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>The problem's <c>code</c>, e.g. <c>validation_failed</c> or <c>chat.room_not_found</c>.</summary>
    public string Code { get; } = code;

    public string? Detail { get; } = detail;

    /// <summary>Validation errors by field, named as in the request body; empty for other problems.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The <c>Retry-After</c> hint of 429 and 503 answers.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
