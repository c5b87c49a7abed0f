using System.Net;
using System.Text;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Host;

/// <summary>
/// Every error a client can meet is a problem response with a <c>code</c> (issue 21): the same cases run against a
/// Development host and a Production process. The search policy's per-user limit must be 2 on the host under test.
/// </summary>
internal static class ErrorContract
{
    public const string SearchLimitKey = "RateLimits:search:PerUser:PermitLimit";

    public static async Task EveryErrorIsAProblemWithACodeAsync(HttpClient anonymous, HttpClient signedIn)
    {
        var malformed = await ExpectAsync(anonymous.PostAsync("/api/v1/accounts/login", Json("""{"email": "a@b.test", "password": """)),
            HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("JSON", malformed.Detail, StringComparison.Ordinal);
        await ExpectAsync(anonymous.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "not_found");
        // Outside the API, paths without a file extension are the web app's routes (its index.html); a missing file is not.
        await ExpectAsync(anonymous.GetAsync("/no/such/page.txt"), HttpStatusCode.NotFound, "not_found");
        using (var wrongMethod = await anonymous.DeleteAsync("/api/v1/accounts/register"))
        {
            await ExpectAsync(Task.FromResult(wrongMethod), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
            Assert.Contains("POST", wrongMethod.Content.Headers.Allow);
        }

        await ExpectAsync(anonymous.PostAsync("/api/v1/accounts/login", new StringContent("email=a@b.test", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await ExpectAsync(anonymous.PostAsync("/api/v1/accounts/login", Json($$"""{"email":"a@b.test","password":"{{new string('x', 100 * 1024)}}"}""")),
            HttpStatusCode.RequestEntityTooLarge, "request.too_large");
        await ExpectAsync(anonymous.GetAsync("/api/v1/accounts/me"), HttpStatusCode.Unauthorized, "unauthorized");
        await ExpectAsync(signedIn.DeleteAsync($"/api/v1/admin/accounts/{Guid.NewGuid()}"), HttpStatusCode.Forbidden, "forbidden");

        // A query value that does not bind, then the limit (2 per user) is met: 429 with Retry-After.
        var unbound = await ExpectAsync(signedIn.GetAsync("/api/v1/recommendations/for-me?limit=ten"), HttpStatusCode.BadRequest, "bad_request");
        Assert.Contains("limit", unbound.Detail, StringComparison.Ordinal);
        using (var allowed = await signedIn.GetAsync("/api/v1/recommendations/for-me"))
        {
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await signedIn.GetAsync("/api/v1/recommendations/for-me");
        await ExpectAsync(Task.FromResult(limited), HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(limited.Headers.RetryAfter);
    }

    private static async Task<Problem> ExpectAsync(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        var response = await call;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        var problem = await Problem.ReadAsync(response);
        Assert.Equal((int)status, problem.Status);
        Assert.Equal(code, problem.Code);
        using var document = JsonDocument.Parse(body);
        Assert.True(document.RootElement.TryGetProperty("traceId", out _), body);
        return problem;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
