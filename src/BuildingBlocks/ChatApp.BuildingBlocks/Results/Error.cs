namespace ChatApp.BuildingBlocks.Results;

/// <summary>An expected failure returned by a handler: a stable machine code, a human message and, for validation, the failing fields.</summary>
public sealed record Error(string Code, string Message, ErrorType Type)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFields = new Dictionary<string, string[]>();

    public IReadOnlyDictionary<string, string[]> FieldErrors { get; init; } = NoFields;

    /// <summary>When to try again, for a refusal that passes (429 and 503 answer it as <c>Retry-After</c> and <c>retryAfter</c>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// The refusal comes from the server's state (it is overloaded, restarting), not from what the client did: operators
    /// need to see it, so its summary is a warning (<see cref="Behaviors.RefusalSummary"/>). Always true for <see cref="ErrorType.Unavailable"/>.
    /// </summary>
    public bool ServerCondition { get; init; }

    public static Error Validation(string code, string message, IReadOnlyDictionary<string, string[]> fieldErrors) =>
        new(code, message, ErrorType.Validation) { FieldErrors = fieldErrors };

    public static Error Validation(string field, string message) =>
        Validation("validation_failed", "One or more validation errors occurred.", new Dictionary<string, string[]> { [field] = [message] });

    public static Error NotFound(string code, string message) => new(code, message, ErrorType.NotFound);

    public static Error Conflict(string code, string message) => new(code, message, ErrorType.Conflict);

    public static Error Unauthorized(string code, string message) => new(code, message, ErrorType.Unauthorized);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorType.Forbidden);

    public static Error TooManyRequests(string code, string message) => new(code, message, ErrorType.TooManyRequests);

    public static Error Unavailable(string code, string message) => new(code, message, ErrorType.Unavailable);

    public static Error PayloadTooLarge(string code, string message) => new(code, message, ErrorType.PayloadTooLarge);

    public static Error UnsupportedMediaType(string code, string message) => new(code, message, ErrorType.UnsupportedMediaType);

    public static Error Failure(string code, string message) => new(code, message, ErrorType.Failure);
}
