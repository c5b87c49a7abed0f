using ChatApp.Client;
using ChatApp.Client.Realtime;

namespace ChatApp.Web.Services;

/// <summary>What to tell a person when a call was refused.</summary>
internal static class Problems
{
    public static string Describe(Exception error) => error switch
    {
        ChatAppApiException { Errors.Count: > 0 } api => string.Join(" ", api.Errors.SelectMany(e => e.Value)),
        ChatAppApiException { Code: "accounts.invalid_credentials" } => "The e-mail or password is wrong.",
        ChatAppApiException { Code: "rate_limited" } api => $"Too many tries; wait {api.RetryAfter?.TotalSeconds ?? 60:0} seconds.",
        ChatAppApiException api => api.Detail ?? api.Code,
        ChatHubException hub => hub.Detail,
        HttpRequestException => "The server cannot be reached. Check the connection and try again.",
        _ => "Something went wrong. Try again.",
    };

    /// <summary>Field errors of a validation problem, by the request's field name (e.g. <c>email</c>).</summary>
    public static string? Field(Exception? error, string field) =>
        error is ChatAppApiException api && api.Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { } messages
            ? string.Join(" ", messages)
            : null;
}
