using System.Globalization;

namespace ChatApp.Modules.Chat.Features.PushContentLookup;

/// <summary>Shortens a message for a notification by text elements (what a reader sees as one character), never inside one.</summary>
internal static class PreviewText
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The text itself when it has at most <paramref name="maxElements"/> text elements; otherwise its first
    /// <paramref name="maxElements"/> − 1 (trailing white space removed) and an ellipsis, so the result never exceeds the limit.
    /// </summary>
    public static string Trim(string text, int maxElements)
    {
        var info = new StringInfo(text);
        if (info.LengthInTextElements <= maxElements)
        {
            return text;
        }

        return info.SubstringByTextElements(0, maxElements - 1).TrimEnd() + Ellipsis;
    }
}
