using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ChatApp.BuildingBlocks.Results;

/// <summary>The one place where expected failures become HTTP responses (RFC 9457 ProblemDetails).</summary>
public static class ResultHttpExtensions
{
    /// <summary>The problem details member that tells, in seconds, when to retry (also the <c>Retry-After</c> header).</summary>
    public const string RetryAfterExtension = "retryAfter";

    public static int StatusCode(this ErrorType type) => type switch
    {
        ErrorType.Validation => StatusCodes.Status400BadRequest,
        ErrorType.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorType.Forbidden => StatusCodes.Status403Forbidden,
        ErrorType.NotFound => StatusCodes.Status404NotFound,
        ErrorType.Conflict => StatusCodes.Status409Conflict,
        ErrorType.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorType.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
        ErrorType.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        ErrorType.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = error.Type.StatusCode();
        ProblemDetails problem = error.Type == ErrorType.Validation
            ? new HttpValidationProblemDetails(error.FieldErrors.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = error.Type == ErrorType.Validation ? "One or more validation errors occurred." : TitleFor(status);
        problem.Detail = error.Message;
        problem.Type = $"https://httpstatuses.io/{status}";
        problem.Extensions["code"] = error.Code;
        if (error.RetryAfter is { } retryAfter)
        {
            // Whole seconds, at least 1; the problem details writer also sends it as the Retry-After header.
            problem.Extensions[RetryAfterExtension] = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>Maps a result to 200 with its value, or to ProblemDetails.</summary>
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();

    /// <summary>Maps a result without value to 204, or to ProblemDetails.</summary>
    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error.ToProblem();

    private static string TitleFor(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
