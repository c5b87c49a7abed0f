namespace ChatApp.Modules.Accounts.Domain;

internal static class SessionRevocationReasons
{
    public const string SignedOut = "signed-out";
    public const string RevokedByUser = "revoked-by-user";
    public const string RefreshTokenReuse = "refresh-token-reuse";
    public const string PasswordChanged = "password-changed";
    public const string AccountDeactivated = "account-deactivated";
    public const string AccountDeleted = "account-deleted";
    public const string AccountSuspended = "account-suspended";
    public const string AccountBanned = "account-banned";
}
