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

    /// <summary>The LIKE pattern (escape character <c>\</c>) of a folded query: inside the name or 초성 part, never the id.</summary>
    public static string Pattern(string foldedQuery) =>
        "%" + foldedQuery.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            + "%" + Separator + "%";

    private static string Truncate(string part) => part.Length <= PartMaxLength ? part : part[..PartMaxLength];
}
