namespace ChatApp.Modules.Notifications.Providers;

internal enum PushOutcome
{
    /// <summary>The service accepted the push.</summary>
    Sent,

    /// <summary>The token is dead (uninstalled app, unregistered, wrong token): remove the device.</summary>
    DeviceGone,

    /// <summary>The service is unavailable or throttling: try again later (after <see cref="PushResult.RetryAfter"/> if given).</summary>
    RetryLater,

    /// <summary>The service refused this push for a reason retrying cannot fix (a bug of ours): drop it, keep the device.</summary>
    Rejected,
}
