namespace ChatApp.Modules.Accounts.Auth;

/// <summary>
/// Failed sign-ins for e-mails that have no account, counted exactly as Identity's lockout counts them for real accounts
/// (lock after <c>MaxFailedAccessAttempts</c> failures, for <c>DefaultLockoutTimeSpan</c>, the count starting again
/// after it), so that neither the answers nor their Retry-After reveal whether an account exists.
/// </summary>
internal interface IUnknownAccountThrottle
{
    /// <summary>How long this e-mail stays locked out, or null if it is not.</summary>
    Task<TimeSpan?> LockedOutForAsync(string normalizedEmail);

    /// <summary>Counts a failure; returns the lockout it started (the failure that reaches the limit), or null.</summary>
    Task<TimeSpan?> RecordFailureAsync(string normalizedEmail);
}
