namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// A moderator's sanction refuses every way in (password, refresh, provider sign-in, the admin pages): a ban until it is
/// lifted (403 <c>accounts.banned</c>), a suspension until it ends (403 <c>accounts.suspended</c>, the end in the detail).
/// </summary>
internal static class SignInRefusal
{
    public static Error? For(User user, DateTime now)
    {
        if (user.BannedAt is not null)
        {
            return AccountErrors.Banned;
        }

        return user.SuspendedUntil is { } until && until > now ? AccountErrors.Suspended(until) : null;
    }
}
