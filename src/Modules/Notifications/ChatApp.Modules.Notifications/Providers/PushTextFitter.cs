using System.Globalization;

namespace ChatApp.Modules.Notifications.Providers;

/// <summary>
/// Keeps a push within the service's size limit (4096 bytes for both): when the serialized payload is too large, the
/// body is shortened by whole text elements (no split emoji or surrogate pair) and ends with an ellipsis; the title
/// only if even an empty body does not fit.
/// </summary>
internal static class PushTextFitter
{
    public const int MaxPayloadBytes = 4096;
    public const string Ellipsis = "…";

    /// <summary>
    /// The payload <paramref name="serialize"/> makes of the longest title and body that fit <paramref name="limit"/>
    /// bytes, or null when nothing fits (the rest of the payload alone is too large).
    /// </summary>
    public static byte[]? Fit(string? title, string? body, int limit, Func<string?, string?, byte[]> serialize)
    {
        var payload = serialize(title, body);
        if (payload.Length <= limit)
        {
            return payload;
        }

        if (!string.IsNullOrEmpty(body))
        {
            var shortened = Longest(body, text => serialize(title, text), limit);
            if (shortened is not null)
            {
                return shortened;
            }
        }

        var emptyBody = string.IsNullOrEmpty(body) ? body : string.Empty;
        return string.IsNullOrEmpty(title) ? null : Longest(title, text => serialize(text, emptyBody), limit);
    }

    /// <summary>The first <paramref name="count"/> text elements of <paramref name="text"/> and an ellipsis (the whole text when it has no more).</summary>
    public static string Shorten(string text, int count)
    {
        var elements = StringInfo.ParseCombiningCharacters(text);
        if (count >= elements.Length)
        {
            return text;
        }

        return count <= 0 ? Ellipsis : text[..elements[count]].TrimEnd() + Ellipsis;
    }

    private static byte[]? Longest(string text, Func<string, byte[]> serialize, int limit)
    {
        // Binary search on the number of text elements kept: the size grows with it.
        var elementCount = new StringInfo(text).LengthInTextElements;
        var low = 0;
        var high = elementCount - 1;
        byte[]? best = null;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var candidate = serialize(Shorten(text, middle));
            if (candidate.Length <= limit)
            {
                best = candidate;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best;
    }
}
