namespace ChatApp.Modules.Accounts.Domain;

/// <summary>
/// The rules of a handle (<c>@name</c>, ADR 0023 part P): 3 to 30 of the ASCII letters, digits, underscore and period,
/// not starting or ending with a period nor with two periods in a row; unique without regard to case
/// (<see cref="Normalize"/>); a few words are reserved for the service (<see cref="IsReserved"/>).
/// </summary>
internal static class Handles
{
    /// <summary>Words nobody may take as a handle (compared normalised, and also with periods and underscores removed).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "abuse", "account", "accounts", "admin", "administrator", "api", "app", "chatapp", "chat", "contact", "everyone",
        "help", "here", "info", "me", "mod", "moderator", "moderators", "news", "noreply", "null", "official", "owner",
        "privacy", "root", "security", "settings", "staff", "support", "system", "team", "undefined", "user", "users",
        "webmaster", "www",
    };

    /// <summary>The form compared for uniqueness and search: lower case (a handle is ASCII only).</summary>
    public static string Normalize(string handle) => handle.Trim().TrimStart('@').ToLowerInvariant();

    /// <summary>Whether the (trimmed, <c>@</c>-less) handle has an allowed length, characters and shape.</summary>
    public static bool IsWellFormed(string? handle)
    {
        if (handle is null)
        {
            return false;
        }

        var text = handle.Trim().TrimStart('@');
        return text.Length is >= User.HandleMinLength and <= User.HandleMaxLength
            && text.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.')
            && !text.StartsWith('.') && !text.EndsWith('.') && !text.Contains("..", StringComparison.Ordinal);
    }

    public static bool IsReserved(string handle)
    {
        var normalized = Normalize(handle);
        return Reserved.Contains(normalized) || Reserved.Contains(normalized.Replace(".", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal));
    }
}
