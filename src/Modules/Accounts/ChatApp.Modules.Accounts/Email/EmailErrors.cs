namespace ChatApp.Modules.Accounts.Email;

/// <summary>The failures of the e-mail token routes, with stable codes the app can switch on.</summary>
internal static class EmailErrors
{
    /// <summary>Wrong, expired, already used, superseded by a newer mail, or locked after too many wrong codes: one answer for all.</summary>
    public static readonly Error TokenInvalid = Error.Validation(
        "accounts.token_invalid", "The code or link is invalid or has expired. Ask for a new one.",
        new Dictionary<string, string[]> { ["token"] = ["The code or link is invalid or has expired."] });

    public static readonly Error AlreadyVerified =
        Error.Conflict("accounts.email_already_verified", "This e-mail address is verified already.");

    public static readonly Error NoEmail = Error.Validation(
        "accounts.no_email", "This account has no e-mail address.",
        new Dictionary<string, string[]> { ["email"] = ["This account has no e-mail address."] });

    public static readonly Error SameEmail = Error.Validation(
        "accounts.same_email", "This is the account's address already.",
        new Dictionary<string, string[]> { ["newEmail"] = ["This is the account's address already."] });
}
