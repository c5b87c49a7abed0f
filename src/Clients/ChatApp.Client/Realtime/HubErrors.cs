using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatApp.Client.Realtime;

/// <summary>
/// Reads a hub error message. The server's refusals come as
/// <c>An unexpected error occurred invoking 'M' on the server. HubException: &lt;code&gt;: &lt;detail&gt;</c>; calls SignalR
/// cannot dispatch as <c>Failed to invoke 'M' …</c> (a client bug: <c>bad_request</c>); anything else is <c>internal_error</c>.
/// </summary>
internal static partial class HubErrors
{
    private const string Marker = "HubException: ";

    public static ChatHubException Parse(string message, Exception? inner = null)
    {
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            var rest = message[(at + Marker.Length)..];
            var colon = rest.IndexOf(": ", StringComparison.Ordinal);
            var (code, detail) = colon > 0 && !rest[..colon].Contains(' ', StringComparison.Ordinal)
                ? (rest[..colon], rest[(colon + 2)..])
                : ("internal_error", rest);
            return new ChatHubException(code, detail, RetryHint(detail), inner);
        }
        if (message.StartsWith("Failed to invoke", StringComparison.Ordinal))
        {
            return new ChatHubException("bad_request", message, null, inner);
        }
        return new ChatHubException("internal_error", message, null, inner);
    }

    private static TimeSpan? RetryHint(string detail) =>
        RetryIn().Match(detail) is { Success: true } match
            ? TimeSpan.FromSeconds(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture))
            : null;

    [GeneratedRegex(@"Retry in (\d+(?:\.\d+)?) s", RegexOptions.CultureInvariant)]
    private static partial Regex RetryIn();
}
