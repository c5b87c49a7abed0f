using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Failed sign-ins for e-mails that have no account are counted like Identity's lockout counts them for real accounts,
/// so that "locked out" after repeated failures does not reveal whether an account exists. The counters live in a
/// bounded cache of their own (a flood of random e-mails cannot grow memory without limit) and on this node only.
/// </summary>
internal sealed class UnknownAccountThrottle(IOptions<IdentityOptions> identityOptions) : IDisposable
{
    public const int MaxTrackedEmails = 100_000;

    private readonly MemoryCache _failures = new(new MemoryCacheOptions { SizeLimit = MaxTrackedEmails });

    public bool IsLockedOut(string normalizedEmail) =>
        _failures.TryGetValue(normalizedEmail, out int failures) && failures >= identityOptions.Value.Lockout.MaxFailedAccessAttempts;

    public void RecordFailure(string normalizedEmail)
    {
        var failures = _failures.TryGetValue(normalizedEmail, out int count) ? count + 1 : 1;
        _failures.Set(normalizedEmail, failures, new MemoryCacheEntryOptions
        {
            Size = 1,
            AbsoluteExpirationRelativeToNow = identityOptions.Value.Lockout.DefaultLockoutTimeSpan,
        });
    }

    public void Dispose() => _failures.Dispose();
}
