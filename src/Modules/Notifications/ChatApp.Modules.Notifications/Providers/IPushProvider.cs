namespace ChatApp.Modules.Notifications.Providers;

/// <summary>
/// One push service (FCM for Android, APNs for iOS). Sends never throw for what the service answers: every answer is a
/// <see cref="PushResult"/>; only cancellation propagates.
/// </summary>
internal interface IPushProvider
{
    DevicePlatform Platform { get; }

    /// <summary>False when the service is not configured on this deployment (its devices are kept, nothing is sent).</summary>
    bool IsEnabled { get; }

    Task<PushResult> SendAsync(PushTarget target, PushMessage message, CancellationToken cancellationToken);
}
