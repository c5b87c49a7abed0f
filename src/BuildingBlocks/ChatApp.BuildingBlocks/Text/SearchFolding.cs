using System.Globalization;
using System.Text;

namespace ChatApp.BuildingBlocks.Text;

/// <summary>
/// The one way text is folded for search (people and messages), so that what is stored and what is asked compare
/// equal: compatibility forms unified (full-width <c>Ａ</c> is <c>a</c>), Latin case and accents ignored (<c>José</c> is
/// <c>jose</c>), Hangul syllables kept whole, whitespace runs made one space. <see cref="Choseong"/> gives the initial
/// consonants of Hangul syllables for 초성 search (<c>김민준</c> → <c>ㄱㅁㅈ</c>).
/// </summary>
public static class SearchFolding
{
    private const char FirstSyllable = '\uAC00';
    private const char LastSyllable = '\uD7A3';
    private const int SyllablesPerInitial = 21 * 28;

    /// <summary>The 19 initial consonants, as the compatibility jamo a keyboard types (ㄱ ㄲ ㄴ ... ㅎ).</summary>
    private static readonly char[] Initials =
        ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];

    /// <summary>The folded form of <paramref name="text"/> (empty for null or blank).</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // NFC composes decomposed Hangul into syllables; NFKC is applied per character below, never to Hangul, because it
        // would turn the compatibility jamo people type for 초성 search (ㄱ, U+3131) into conjoining ones (U+1100).
        var composed = text.Normalize(NormalizationForm.FormC);
        var folded = new StringBuilder(composed.Length);
        var space = false;
        foreach (var rune in composed.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            // ASCII folds to itself in lower case (its compatibility decomposition is itself): the common case, without
            // the allocations of the general path below (message search folds every candidate message).
            if (rune.IsAscii)
            {
                folded.Append(char.ToLowerInvariant((char)rune.Value));
                continue;
            }

            if (IsHangul(rune))
            {
                folded.Append((char)rune.Value);
                continue;
            }

            // Unify its compatibility form, decompose it and drop the combining marks: Ａ -> a, é -> e.
            foreach (var part in rune.ToString().Normalize(NormalizationForm.FormKD).EnumerateRunes())
            {
                if (Rune.IsWhiteSpace(part))
                {
                    space = folded.Length > 0;
                }
                else if (Rune.GetUnicodeCategory(part) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
                {
                    folded.Append(Rune.ToLowerInvariant(part).ToString());
                }
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// The initial consonant of each Hangul syllable of the folded text, other characters as folded (so <c>김민준</c>
    /// gives <c>ㄱㅁㅈ</c> and <c>Kim 민준</c> gives <c>kim ㅁㅈ</c>).
    /// </summary>
    public static string Choseong(string? text)
    {
        var folded = Fold(text);
        var initials = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            initials.Append(c is >= FirstSyllable and <= LastSyllable ? Initials[(c - FirstSyllable) / SyllablesPerInitial] : c);
        }

        return initials.ToString();
    }

    /// <summary>True when the query is only initial consonants (and spaces), as a 초성 search is typed: <c>ㄱㅁㅈ</c>.</summary>
    public static bool IsChoseongQuery(string? query)
    {
        var folded = Fold(query);
        return folded.Length > 0 && folded.All(c => c == ' ' || Array.IndexOf(Initials, c) >= 0) && folded.Any(c => c != ' ');
    }

    private static bool IsHangul(Rune rune) =>
        rune.Value is (>= 0xAC00 and <= 0xD7A3) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xA960 and <= 0xA97F) or (>= 0xD7B0 and <= 0xD7FF);
}
