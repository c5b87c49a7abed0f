using System.Text;

namespace ChatApp.Modules.Accounts.Features.SearchPeople;

/// <summary>
/// "Starts with" as index ranges. Search terms compare byte for byte in both databases (utf8mb4_bin, SQLite's BINARY),
/// so a prefix is the range [prefix, <see cref="UpperBound"/>); SQLite would use no index for LIKE on such a column.
/// Handles have a Unicode collation on MariaDB, so there they keep LIKE (an index range too).
/// </summary>
internal static class PrefixRanges
{
    /// <summary>Search terms that start with <paramref name="prefix"/>.</summary>
    public static IQueryable<PeopleSearchTerm> TermsStartingWith(IQueryable<PeopleSearchTerm> terms, string prefix)
    {
        terms = terms.Where(t => string.Compare(t.Term, prefix) >= 0);
        var upper = UpperBound(prefix);
        return upper is null ? terms : terms.Where(t => string.Compare(t.Term, upper) < 0);
    }

    /// <summary>Users whose handle starts with <paramref name="prefix"/> (letters, digits, <c>_</c> and <c>.</c>, lower case).</summary>
    public static IQueryable<User> HandlesStartingWith(DbContext db, IQueryable<User> users, string prefix)
    {
        if (db.Database.ProviderName?.Contains("Sqlite", StringComparison.Ordinal) == true)
        {
            users = users.Where(u => string.Compare(u.NormalizedHandle, prefix) >= 0);
            var upper = UpperBound(prefix);
            return upper is null ? users : users.Where(u => string.Compare(u.NormalizedHandle, upper) < 0);
        }

        var pattern = EscapeLike(prefix) + "%";
        return users.Where(u => EF.Functions.Like(u.NormalizedHandle, pattern, "\\"));
    }

    /// <summary>
    /// The least string above every string that starts with <paramref name="prefix"/>: the prefix without its trailing
    /// U+10FFFF code points, its last one plus one (skipping surrogates); null if the prefix is all U+10FFFF (every string
    /// at or above it starts with it).
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        while (runes.Count > 0 && runes[^1].Value == 0x10FFFF)
        {
            runes.RemoveAt(runes.Count - 1);
        }

        if (runes.Count == 0)
        {
            return null;
        }

        var last = runes[^1].Value;
        runes[^1] = new Rune(last == 0xD7FF ? 0xE000 : last + 1);
        return string.Concat(runes.Select(r => r.ToString()));
    }

    /// <summary>A LIKE pattern's literal text, with the escape character <c>\</c>.</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
