namespace ChatApp.Modules.Accounts.Domain;

/// <summary>What an <see cref="AccountToken"/> is good for.</summary>
internal static class AccountTokenPurposes
{
    public const string VerifyEmail = "verify_email";
    public const string ResetPassword = "reset_password";
    public const string ChangeEmail = "change_email";
}
