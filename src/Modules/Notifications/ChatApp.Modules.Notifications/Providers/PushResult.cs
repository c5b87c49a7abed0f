namespace ChatApp.Modules.Notifications.Providers;

/// <summary>
/// The service's answer. <see cref="TokenInvalidSince"/> is APNs' timestamp on a 410: a token re-registered after it
/// is alive again and must not be removed.
/// </summary>
internal sealed record PushResult(PushOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null, DateTimeOffset? TokenInvalidSince = null)
{
    public static readonly PushResult Sent = new(PushOutcome.Sent);

    public static PushResult DeviceGone(string reason, DateTimeOffset? invalidSince = null) => new(PushOutcome.DeviceGone, reason, TokenInvalidSince: invalidSince);

    public static PushResult RetryLater(string reason, TimeSpan? after = null) => new(PushOutcome.RetryLater, reason, after);

    public static PushResult Rejected(string reason) => new(PushOutcome.Rejected, reason);
}
