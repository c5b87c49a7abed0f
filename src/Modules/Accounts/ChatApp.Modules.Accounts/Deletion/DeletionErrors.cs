namespace ChatApp.Modules.Accounts.Deletion;

/// <summary>Expected failures of deleting an account, with stable codes the app can switch on.</summary>
internal static class DeletionErrors
{
    public static readonly Error PasswordRequired = Error.Validation(
        "accounts.password_required", "Confirm the deletion with your password.",
        new Dictionary<string, string[]> { ["password"] = ["Enter your password to delete the account."] });

    public static readonly Error ProviderTokenRequired = Error.Validation(
        "accounts.provider_token_required", "This account has no password: confirm the deletion with a fresh sign-in token from its provider.",
        new Dictionary<string, string[]> { ["token"] = ["Sign in with your provider again and send its token."] });


    public static readonly Error ExternalLoginMismatch =
        Error.Forbidden("accounts.external_login_mismatch", "That provider sign-in does not belong to this account.");

    public static readonly Error UseOwnDeletion = Error.Conflict(
        "accounts.use_own_deletion", "Administrators delete their own account with DELETE /api/v1/accounts/me, which asks for confirmation.");

    public static readonly Error LastAdmin =
        Error.Conflict("accounts.last_admin", "This is the last administrator account; it cannot be deleted.");
}
