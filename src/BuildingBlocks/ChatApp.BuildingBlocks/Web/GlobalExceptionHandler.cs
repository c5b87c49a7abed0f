using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Web;

/// <summary>
/// Turns exceptions into ProblemDetails: unreadable requests into 400 (415, 413) with the reason, validation exceptions into 400
/// with field errors, anything unexpected into a 500 that reveals nothing internal.
/// </summary>
internal sealed class GlobalExceptionHandler(IProblemDetailsService problemDetails, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        switch (exception)
        {
            case BadHttpRequestException badRequest:
                problem = new ProblemDetails
                {
                    Status = badRequest.StatusCode,
                    Title = ReasonPhrases.GetReasonPhrase(badRequest.StatusCode) is { Length: > 0 } phrase ? phrase : "Bad Request",
                    Detail = badRequest.InnerException is System.Text.Json.JsonException json
                        ? $"The request body is not valid JSON: {json.Message}"
                        : badRequest.Message,
                };
                // 413: a body cut off at the route's limit while read (ADR 16); 415: a body of a media type the route does not take.
                problem.Extensions["code"] = ProblemCodes.ForStatus(badRequest.StatusCode);
                break;
            case ValidationException validation:
                problem = new HttpValidationProblemDetails(validation.Errors
                    .GroupBy(e => e.PropertyName, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray(), StringComparer.Ordinal))
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "One or more validation errors occurred.",
                };
                problem.Extensions["code"] = "validation_failed";
                break;
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
                problem = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Internal Server Error",
                    Detail = "An unexpected error occurred. It has been logged; retrying may help.",
                };
                problem.Extensions["code"] = "internal_error";
                break;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
