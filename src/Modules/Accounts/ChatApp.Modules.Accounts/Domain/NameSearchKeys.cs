using System.Text;

namespace ChatApp.Modules.Accounts.Domain;

/// <summary>
/// The stored key people search matches display names against (<see cref="User.NameSearchKey"/>, ADR 0023 part P):
/// <c>{folded name}␟{초성 of the name}␟{user id}</c>. Search looks for the folded query inside the part before the last
/// separator (<see cref="Pattern"/>), and pages by the key itself, which the id at its end makes unique.
/// </summary>
internal static class NameSearchKeys
{
    /// <summary>The unit separator: never in a folded query (folding turns control characters into spaces).</summary>
    public const char Separator = '\u001F';

    private const int PartMaxLength = 100;

    public static string For(Guid userId, string displayName)
    {
        var folded = Truncate(SearchFolding.Fold(displayName));
        var initials = Truncate(SearchFolding.Choseong(displayName));
        return new StringBuilder(folded.Length + initials.Length + 34)
            .Append(folded).Append(Separator).Append(initials).Append(Separator).Append(userId.ToString("N"))
            .ToString();
    }

    /// <summary>
    /// The search terms of a name: every suffix of its folded form and of its 초성 that does not start with a space,
    /// cut to <see cref="PeopleSearchTerm.MaxLength"/> characters.
    /// </summary>
    public static IReadOnlyCollection<string> Terms(string displayName) =>
        new HashSet<string>(
            SuffixTerms(Truncate(SearchFolding.Fold(displayName))).Concat(SuffixTerms(Truncate(SearchFolding.Choseong(displayName)))),
            StringComparer.Ordinal);

    /// <summary>
    /// The least (in code point order) of the search terms of a stored key's name that start with <paramref name="prefix"/>,
    /// or null: the one term under which a term-ordered search lists this person (ADR 0023 part P).
    /// </summary>
    public static string? FirstTermStartingWith(string key, string prefix)
    {
        var parts = key.Split(Separator);
        string? first = null;
        foreach (var term in SuffixTerms(parts[0]).Concat(parts.Length > 2 ? SuffixTerms(parts[1]) : []))
        {
            if (term.StartsWith(prefix, StringComparison.Ordinal) && (first is null || Compare(term, first) < 0))
            {
                first = term;
            }
        }

        return first;
    }

    /// <summary>Whether a stored key matches a folded query: inside the name or 초성 part (what <see cref="Pattern"/> asks SQL).</summary>
    public static bool Matches(string key, string foldedQuery) =>
        key.AsSpan(0, Math.Max(0, key.LastIndexOf(Separator))).Contains(foldedQuery, StringComparison.Ordinal);

    /// <summary>Orders keys as both databases do (utf8mb4_bin and SQLite's BINARY compare UTF-8 bytes: code point order).</summary>
    public static int Compare(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var a = left.EnumerateRunes();
        var b = right.EnumerateRunes();
        while (true)
        {
            var moreA = a.MoveNext();
            var moreB = b.MoveNext();
            if (!moreA || !moreB)
            {
                return moreA ? 1 : moreB ? -1 : 0;
            }

            var order = a.Current.Value.CompareTo(b.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    /// <summary>The LIKE pattern (escape character <c>\</c>) of a folded query: inside the name or 초성 part, never the id.</summary>
    public static string Pattern(string foldedQuery) =>
        "%" + foldedQuery.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            + "%" + Separator + "%";

    /// <summary>Every suffix of one part (folded name or 초성) that does not start with a space, cut to the term length.</summary>
    private static IEnumerable<string> SuffixTerms(string part)
    {
        for (var start = 0; start < part.Length; start++)
        {
            if (part[start] != ' ' && !char.IsLowSurrogate(part[start]))
            {
                var term = part[start..];
                yield return Cut(term, PeopleSearchTerm.MaxLength);
            }
        }
    }

    private static string Truncate(string part) => Cut(part, PartMaxLength);

    /// <summary>
    /// At most <paramref name="length"/> UTF-16 units, never ending inside a surrogate pair (an emoji): a lone half would be
    /// stored as U+FFFD and never equal the same cut made in memory.
    /// </summary>
    internal static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
