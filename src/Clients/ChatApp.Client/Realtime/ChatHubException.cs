namespace ChatApp.Client.Realtime;

/// <summary>A hub call the server refused, with the REST API's error code (docs/api.md "Realtime").</summary>
public sealed class ChatHubException(string code, string detail, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"{code}: {detail}", inner)
{
    public string Code { get; } = code;

    public string Detail { get; } = detail;

    /// <summary>The "Retry in N s" hint of <c>chat.overloaded</c>.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
