using System.Text;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// A short piece of a message around the first match of the query, with every match inside it given as a
/// <see cref="SnippetHighlight"/>. Matching is on folded text (so <c>jose</c> marks <c>José</c>); the snippet shows the
/// original characters. Cut ends get an ellipsis (<c>…</c>); line breaks become spaces.
/// </summary>
internal sealed record MessageSnippet(string Text, IReadOnlyList<SnippetHighlight> Highlights)
{
    public const int Before = 30;
    public const int MaxLength = 120;
    private const char Ellipsis = '…';

    public static MessageSnippet Of(string text, string foldedQuery)
    {
        var (folded, starts, ends) = FoldWithMap(text);
        var matches = new List<(int Start, int End)>();
        for (var at = folded.IndexOf(foldedQuery, StringComparison.Ordinal); at >= 0 && foldedQuery.Length > 0;
             at = folded.IndexOf(foldedQuery, at + foldedQuery.Length, StringComparison.Ordinal))
        {
            matches.Add((starts[at], ends[at + foldedQuery.Length - 1]));
        }

        var from = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - Before);
        var to = Math.Min(text.Length, Math.Max(from + MaxLength, matches.Count == 0 ? 0 : matches[0].End));
        from = Boundary(text, from);
        to = Boundary(text, to);
        var snippet = new StringBuilder(to - from + 2);
        var offset = -from;
        if (from > 0)
        {
            snippet.Append(Ellipsis);
            offset++;
        }

        snippet.Append(text.AsSpan(from, to - from)).Replace('\n', ' ');
        if (to < text.Length)
        {
            snippet.Append(Ellipsis);
        }

        var highlights = matches
            .Where(m => m.Start >= from && m.End <= to)
            .Select(m => new SnippetHighlight(m.Start + offset, m.End - m.Start))
            .ToList();
        return new MessageSnippet(snippet.ToString(), highlights);
    }

    /// <summary>Moves an index off the low half of a surrogate pair so a cut never splits a character.</summary>
    private static int Boundary(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;

    /// <summary>The text folded as <see cref="SearchFolding.Fold"/> does, with each folded character's source range.</summary>
    private static (string Folded, List<int> Starts, List<int> Ends) FoldWithMap(string text)
    {
        var folded = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        var space = false;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var length = rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                space = folded.Length > 0;
            }
            else
            {
                var part = SearchFolding.Fold(rune.ToString());
                if (space && part.Length > 0)
                {
                    folded.Append(' ');
                    starts.Add(index);
                    ends.Add(index);
                    space = false;
                }

                foreach (var c in part)
                {
                    folded.Append(c);
                    starts.Add(index);
                    ends.Add(index + length);
                }
            }

            index += length;
        }

        return (folded.ToString(), starts, ends);
    }
}
