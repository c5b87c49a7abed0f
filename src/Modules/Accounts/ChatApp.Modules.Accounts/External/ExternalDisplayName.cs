using System.Globalization;
using System.Text;

namespace ChatApp.Modules.Accounts.External;

/// <summary>
/// The display name of an account made by a provider: the name the app sent (Apple gives it to the app on the first
/// sign-in only, never in the token), else the provider's, else a placeholder the user can change. A provider's name
/// is kept only if it passes the rules typed names pass (ADR 0018), cut to <see cref="User.DisplayNameMaxLength"/>.
/// </summary>
internal static class ExternalDisplayName
{
    public const string Placeholder = "ChatApp user";

    public static string Choose(string? typed, string? fromProvider) =>
        Clean(typed) ?? Clean(fromProvider) ?? Placeholder;

    private static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || !UserText.IsWellFormed(name)
            || UserText.HasControlCharacters(name, UserTextKind.Name) || UserText.HasBidiControls(name) || !UserText.HasVisibleCharacter(name))
        {
            return null;
        }

        var normalized = UserText.Normalize(name, UserTextKind.Name).Trim();
        if (normalized.Length <= User.DisplayNameMaxLength)
        {
            return normalized;
        }

        // Cut between text elements, so no surrogate pair or combining sequence is split.
        var cut = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(normalized);
        while (elements.MoveNext() && cut.Length + elements.GetTextElement().Length <= User.DisplayNameMaxLength)
        {
            cut.Append(elements.GetTextElement());
        }

        var result = cut.ToString().Trim();
        return result.Length == 0 ? null : result;
    }
}
