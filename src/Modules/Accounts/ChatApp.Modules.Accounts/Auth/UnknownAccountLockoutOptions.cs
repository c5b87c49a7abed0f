namespace ChatApp.Modules.Accounts.Auth;

/// <summary>Configuration section <c>Accounts:UnknownAccounts</c>: where and how long failures for unknown e-mails are kept.</summary>
internal sealed class UnknownAccountLockoutOptions
{
    public const string SectionName = "Accounts:UnknownAccounts";

    /// <summary>
    /// How long a failure count without a lockout is remembered after the last failure. Identity never forgets a real
    /// account's count (until a success or a lockout), so the longer, the harder it is to tell the two apart by waiting.
    /// </summary>
    public TimeSpan FailureMemory { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Key prefix in Redis (hashes of normalised e-mails follow it, never the e-mails).</summary>
    public string RedisPrefix { get; set; } = "chatapp:unknown-account:";
}
