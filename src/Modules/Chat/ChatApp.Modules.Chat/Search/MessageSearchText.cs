using System.Globalization;
using System.Text;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// How message text becomes searchable. The text is folded (<see cref="SearchFolding.Fold"/>: case, accents and width
/// ignored, Hangul whole); each space-separated word gives its bigrams (two neighbouring characters), as MySQL's ngram
/// parser would with n = 2, so <c>판교역</c> (판교, 교역) is found inside <c>판교역에서</c> although Korean writes no space
/// before a particle. MariaDB has no ngram parser, so each bigram is written as one plain ASCII word the default
/// FULLTEXT parser keeps: the two code points in hex joined by <c>g</c> (<c>he</c> → <c>68g65</c>, <c>판교</c> →
/// <c>d310gad50</c>), at least 5 characters (above <c>innodb_ft_min_token_size</c> = 3) and never a stop word. A query
/// needs every bigram (the index narrows), then the folded text must contain the folded query (exact).
/// </summary>
internal static class MessageSearchText
{
    public const int MinQueryLength = 2;
    public const int MaxQueryLength = 100;

    /// <summary>The distinct encoded bigrams of a folded text, space-separated (empty when no word has two characters).</summary>
    public static string Grams(string folded) => string.Join(' ', GramsOf(folded));

    /// <summary>A FULLTEXT boolean-mode query that needs every bigram of the folded query.</summary>
    public static string BooleanQuery(string foldedQuery) => string.Join(' ', GramsOf(foldedQuery).Select(g => "+" + g));

    /// <summary>True when the folded query has a word of at least two characters (one bigram to look up).</summary>
    public static bool HasGram(string foldedQuery) => GramsOf(foldedQuery).Any();

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

    private static IEnumerable<string> GramsOf(string folded)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in folded.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Rune? previous = null;
            foreach (var rune in word.EnumerateRunes())
            {
                if (previous is { } first)
                {
                    var gram = first.Value.ToString("x", CultureInfo.InvariantCulture) + "g" + rune.Value.ToString("x", CultureInfo.InvariantCulture);
                    if (seen.Add(gram))
                    {
                        yield return gram;
                    }
                }

                previous = rune;
            }
        }
    }
}
