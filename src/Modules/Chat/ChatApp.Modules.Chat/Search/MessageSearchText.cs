using System.Globalization;
using System.Text;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// How message text becomes searchable. The text is folded (<see cref="SearchFolding.Fold"/>: case, accents and width
/// ignored, Hangul whole) and cut into runs:
/// <list type="bullet">
/// <item>Scripts written without spaces (Hangul, CJK ideographs, kana) give their bigrams (two neighbouring characters),
/// as MySQL's ngram parser does with n = 2, so <c>판교역</c> (판교, 교역) is found inside <c>판교역에서</c> although Korean
/// writes no space before a particle.</item>
/// <item>Other letters and digits (Latin, Cyrillic, ...) give one word each, found by its beginning (<c>jose</c> finds
/// <c>José's</c>): Latin bigrams are so few and so common that every one of them is in a large share of all messages.</item>
/// </list>
/// MariaDB has no ngram parser, so each of these terms is written as one plain ASCII word the default FULLTEXT parser
/// keeps whatever the server's settings: a bigram as the two code points in hex joined by <c>g</c> (<c>판교</c> →
/// <c>d310gad50</c>), a word as <c>w</c> and four hex digits per UTF-16 unit, at most <see cref="MaxWordUnits"/> units
/// (<c>jose</c> → <c>w006a006f00730065</c>, so a word's beginning is its term's beginning and a boolean-mode prefix
/// <c>w006a006f*</c> finds it). All are at least 5 characters (above <c>innodb_ft_min_token_size</c> = 3) and at most 81
/// (under <c>innodb_ft_max_token_size</c> = 84), never a stop word. A query needs every one of its terms (the index
/// narrows), then the folded text must contain the folded query (exact).
/// </summary>
internal static class MessageSearchText
{
    public const int MaxQueryLength = 100;
    public const int MaxWordUnits = 20;
    public const int MaxQueryTerms = 2;

    /// <summary>The distinct terms of a folded text, space-separated (empty when it has none).</summary>
    public static string Terms(string folded) => string.Join(' ', TermsOf(folded).Select(t => t.Term).Distinct(StringComparer.Ordinal));

    /// <summary>
    /// A FULLTEXT boolean-mode query that needs the query's <see cref="MaxQueryTerms"/> most telling terms (words as
    /// prefixes): the longest words, then the first bigrams of the Hangul (CJK) runs, which are the start of a noun
    /// rather than a particle such as 에서. InnoDB reads every term's whole posting list before intersecting them, so one
    /// common term (a frequent word, a particle) would make the whole query slow; the exact <c>LIKE</c> check that
    /// follows still needs the whole query.
    /// </summary>
    public static string BooleanQuery(string foldedQuery) =>
        string.Join(' ', TermsOf(foldedQuery).Distinct()
            .Select((t, order) => (t.Term, t.IsWord, order))
            .OrderByDescending(t => t.IsWord ? t.Term.Length : 0).ThenBy(t => t.order)
            .Take(MaxQueryTerms)
            .Select(t => "+" + t.Term + (t.IsWord ? "*" : "")));

    /// <summary>True when the folded query has something to look up: two neighbouring Hangul (CJK) characters or a word of two.</summary>
    public static bool HasTerm(string foldedQuery) => TermsOf(foldedQuery).Any();

    /// <summary>A LIKE pattern for "contains" with <c>!</c> as the escape character (the same in MySQL and SQLite).</summary>
    public static string ContainsPattern(string foldedQuery)
    {
        var pattern = new StringBuilder(foldedQuery.Length + 8).Append('%');
        foreach (var c in foldedQuery)
        {
            if (c is '%' or '_' or '!')
            {
                pattern.Append('!');
            }

            pattern.Append(c);
        }

        return pattern.Append('%').ToString();
    }

    private static IEnumerable<(string Term, bool IsWord)> TermsOf(string folded)
    {
        Rune? previousGram = null;
        var word = new StringBuilder();
        foreach (var rune in folded.EnumerateRunes())
        {
            if (IsWrittenWithoutSpaces(rune))
            {
                if (previousGram is { } first)
                {
                    yield return (Hex(first.Value) + "g" + Hex(rune.Value), false);
                }

                previousGram = rune;
            }
            else
            {
                previousGram = null;
            }

            if (Rune.IsLetterOrDigit(rune) && !IsWrittenWithoutSpaces(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                if (WordTerm(word) is { } term)
                {
                    yield return (term, true);
                }

                word.Clear();
            }
        }

        if (WordTerm(word) is { } last)
        {
            yield return (last, true);
        }
    }

    /// <summary>A word of at least two UTF-16 units as its term; null for a single letter (too common to look up).</summary>
    private static string? WordTerm(StringBuilder word)
    {
        if (word.Length < 2)
        {
            return null;
        }

        var term = new StringBuilder(1 + (4 * MaxWordUnits)).Append('w');
        for (var i = 0; i < Math.Min(word.Length, MaxWordUnits); i++)
        {
            term.Append(((int)word[i]).ToString("x4", CultureInfo.InvariantCulture));
        }

        return term.ToString();
    }

    private static string Hex(int value) => value.ToString("x", CultureInfo.InvariantCulture);

    private static bool IsWrittenWithoutSpaces(Rune rune) =>
        rune.Value is (>= 0xAC00 and <= 0xD7A3) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xA960 and <= 0xA97F)
            or (>= 0xD7B0 and <= 0xD7FF) or (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF);
}
