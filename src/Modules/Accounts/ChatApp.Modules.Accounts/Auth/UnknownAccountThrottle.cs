using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Failed sign-ins for e-mails that have no account are counted like Identity's lockout counts them for real accounts,
/// so that "locked out" after repeated failures does not reveal whether an account exists.
/// </summary>
internal sealed class UnknownAccountThrottle(IMemoryCache cache, IOptions<IdentityOptions> identityOptions)
{
    public bool IsLockedOut(string normalizedEmail) =>
        cache.TryGetValue(Key(normalizedEmail), out int failures) && failures >= identityOptions.Value.Lockout.MaxFailedAccessAttempts;

    public void RecordFailure(string normalizedEmail)
    {
        var key = Key(normalizedEmail);
        var failures = cache.TryGetValue(key, out int count) ? count + 1 : 1;
        cache.Set(key, failures, identityOptions.Value.Lockout.DefaultLockoutTimeSpan);
    }

    private static string Key(string normalizedEmail) => "accounts:unknown-failures:" + normalizedEmail;
}
