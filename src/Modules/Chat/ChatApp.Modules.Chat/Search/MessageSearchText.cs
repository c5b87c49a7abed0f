using System.Text;

namespace ChatApp.Modules.Chat.Search;

/// <summary>
/// How message text becomes searchable. The text is folded (<see cref="SearchFolding.Fold"/>: case, accents and width
/// ignored, Hangul whole) and cut into runs:
/// <list type="bullet">
/// <item>Scripts written without spaces (Hangul, CJK ideographs, kana) give their bigrams (two neighbouring characters),
/// so <c>판교역</c> (판교, 교역) is found inside <c>판교역에서</c> although Korean writes no space before a particle.</item>
/// <item>Other letters and digits (Latin, Cyrillic, ...) give one word each. A stored word gives each of its prefixes of
/// 2 to <see cref="MaxPrefixUnits"/> UTF-16 units; a query word gives its first min(length, <see cref="MaxPrefixUnits"/>)
/// units, so <c>jose</c> finds <c>José's</c> and <c>tomor</c> finds <c>tomorrow</c> (a word is found by its beginning).
/// Latin bigrams would be so few and so common that every block has most of them.</item>
/// </list>
/// Neighbouring tokens also give a pair term (see <see cref="Pair"/>): a phrase of two common words then narrows to the
/// blocks where they stand side by side, instead of every block.
/// The terms go into each block's Bloom filter (<see cref="SearchBloom"/>). A query needs every one of its terms in a
/// block's filter (which narrows), then the folded text of each of the block's messages must contain the folded query
/// (exact).
/// </summary>
internal static class MessageSearchText
{
    public const int MaxQueryLength = 100;
    public const int MaxPrefixUnits = 8;

    /// <summary>The distinct terms a stored text puts in its block's filter: bigrams and every word's prefixes of 2..8 units.</summary>
    public static IReadOnlySet<string> IndexTerms(string folded)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (term, isWord) in TermsOf(folded))
        {
            if (!isWord)
            {
                terms.Add(term);
                continue;
            }

            for (var length = 2; length <= Math.Min(term.Length, MaxPrefixUnits); length++)
            {
                terms.Add(term[..length]);
            }
        }

        var tokens = TokensOf(folded);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            terms.Add(Pair(tokens[i], tokens[i + 1]));
        }

        return terms;
    }

    /// <summary>The distinct terms a folded query needs in a block's filter: its bigrams and each word's first 2..8 units.</summary>
    public static IReadOnlyList<string> QueryTerms(string foldedQuery)
    {
        var terms = TermsOf(foldedQuery).Select(t => t.IsWord && t.Term.Length > MaxPrefixUnits ? t.Term[..MaxPrefixUnits] : t.Term).ToList();
        var tokens = TokensOf(foldedQuery);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            // A one-letter word may end a longer word (first token) or begin one (last token) of the message: no pair there.
            var (left, right) = (tokens[i], tokens[i + 1]);
            if ((i == 0 && !left.IsCjk && left.Text.Length < 2) || (i + 2 == tokens.Count && !right.IsCjk && right.Text.Length < 2))
            {
                continue;
            }

            terms.Add(Pair(left, right));
        }

        return terms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The term of two neighbouring tokens (runs of Hangul/CJK, or words), so that a phrase of two common words does not
    /// make every block a candidate: the end of the first (its last character for Hangul/CJK, whose run a query may
    /// start inside; its first 8 units for a word, found by its beginning), a separator no text has after folding, and the
    /// beginning of the second (its first character for Hangul/CJK, its first two units for a word).
    /// </summary>
    private static string Pair((string Text, bool IsCjk) left, (string Text, bool IsCjk) right)
    {
        var tail = left.IsCjk ? LastRune(left.Text) : left.Text[..Math.Min(left.Text.Length, MaxPrefixUnits)];
        var head = right.IsCjk ? char.IsHighSurrogate(right.Text[0]) ? right.Text[..2] : right.Text[..1] : right.Text[..Math.Min(right.Text.Length, 2)];
        return tail + "\u0001" + head;
    }

    private static string LastRune(string text) => text.Length >= 2 && char.IsLowSurrogate(text[^1]) ? text[^2..] : text[^1..];

    /// <summary>The folded text's tokens in order: runs of Hangul/CJK and runs of other letters and digits (of any length).</summary>
    private static List<(string Text, bool IsCjk)> TokensOf(string folded)
    {
        var tokens = new List<(string Text, bool IsCjk)>();
        var token = new StringBuilder();
        bool? cjk = null;
        foreach (var rune in folded.EnumerateRunes())
        {
            bool? kind = IsWrittenWithoutSpaces(rune) ? true : Rune.IsLetterOrDigit(rune) ? false : null;
            if (kind != cjk && token.Length > 0)
            {
                tokens.Add((token.ToString(), cjk == true));
                token.Clear();
            }

            cjk = kind;
            if (kind is not null)
            {
                token.Append(rune.ToString());
            }
        }

        if (token.Length > 0)
        {
            tokens.Add((token.ToString(), cjk == true));
        }

        return tokens;
    }

    /// <summary>
    /// The exact check: the folded text contains the folded query, and where the query begins with a word character
    /// (a letter or digit of a spaced script) the match begins a word, as the prefix terms promise (<c>tomor</c> finds
    /// <c>tomorrow</c>, <c>orrow</c> does not). Without this a block whose filter has the prefix from another message
    /// would decide whether a match inside a word is found.
    /// </summary>
    public static bool Matches(string foldedText, string foldedQuery)
    {
        if (foldedQuery.Length == 0)
        {
            return false;
        }

        var mustStartWord = Rune.DecodeFromUtf16(foldedQuery, out var first, out _) == System.Buffers.OperationStatus.Done && IsWordRune(first);
        for (var at = foldedText.IndexOf(foldedQuery, StringComparison.Ordinal); at >= 0; at = foldedText.IndexOf(foldedQuery, at + 1, StringComparison.Ordinal))
        {
            if (!mustStartWord || at == 0
                || Rune.DecodeLastFromUtf16(foldedText.AsSpan(0, at), out var previous, out _) != System.Buffers.OperationStatus.Done
                || !IsWordRune(previous))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the folded query has something to look up: two neighbouring Hangul (CJK) characters or a word of two.</summary>
    public static bool HasTerm(string foldedQuery) => TermsOf(foldedQuery).Any();

    /// <summary>Bigrams (as their two characters) and whole words of at least two UTF-16 units, in text order.</summary>
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
                    yield return (first.ToString() + rune.ToString(), false);
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
                // A single letter is too common to look up.
                if (word.Length >= 2)
                {
                    yield return (word.ToString(), true);
                }

                word.Clear();
            }
        }

        if (word.Length >= 2)
        {
            yield return (word.ToString(), true);
        }
    }

    private static bool IsWordRune(Rune rune) => Rune.IsLetterOrDigit(rune) && !IsWrittenWithoutSpaces(rune);

    private static bool IsWrittenWithoutSpaces(Rune rune) =>
        rune.Value is (>= 0xAC00 and <= 0xD7A3) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xA960 and <= 0xA97F)
            or (>= 0xD7B0 and <= 0xD7FF) or (>= 0x3040 and <= 0x30FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF);
}
