namespace ChatApp.Modules.Accounts.People;

/// <summary>The expected failures of handles and people search, with stable codes the mobile app can switch on.</summary>
internal static class PeopleErrors
{
    public const string HandleInvalidCode = "accounts.handle_invalid";
    public const string HandleReservedCode = "accounts.handle_reserved";
    public const string InvalidCursorCode = "accounts.invalid_cursor";

    public static readonly Error HandleTaken =
        Error.Conflict("accounts.handle_taken", "Another account already has this handle.");

    public static readonly Error InvalidCursor = Error.Validation(
        InvalidCursorCode, "The cursor is not one this search returned.", new Dictionary<string, string[]> { ["cursor"] = ["The cursor is not valid."] });

    /// <summary>The handle was changed too recently; <c>Retry-After</c> tells when it may change again.</summary>
    public static Error HandleCooldown(TimeSpan remaining) =>
        Error.TooManyRequests("accounts.handle_cooldown", "The handle was changed recently; it can change again later.") with { RetryAfter = remaining };
}
