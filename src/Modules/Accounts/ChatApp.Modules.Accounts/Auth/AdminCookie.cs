namespace ChatApp.Modules.Accounts.Auth;

/// <summary>The cookie that signs administrators in to the admin pages (the Hangfire dashboard).</summary>
internal static class AdminCookie
{
    public const string Scheme = "AdminCookie";
}
