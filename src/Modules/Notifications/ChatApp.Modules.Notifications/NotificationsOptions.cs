namespace ChatApp.Modules.Notifications;

/// <summary>Configuration section <c>Notifications</c> (the push services have their own: Notifications:Fcm, Notifications:Apns).</summary>
internal sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>
    /// How long a notice waits before it is pushed: a burst in a room collapses into one push, and someone reading on
    /// another device in the meantime is not pushed at all.
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a read waits before the other devices are cleared (several reads in a row: one clear).</summary>
    public TimeSpan ClearDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the sender looks for due work when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a node holds the work it took. A pass starts no send after a quarter of it, and a send with its in-process
    /// retries and a token renewal ends within a minute, so a pass ends before its lease and no other node repeats it.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Work items one pass takes.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Sends in flight per node.</summary>
    public int MaxConcurrentSends { get; set; } = 16;

    /// <summary>Longest wait between attempts while a push service is failing.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The app ids (bundle ids / package names) devices may register with; empty accepts any. With APNs the app id is the
    /// topic: a device registered under another app's id would only be refused by APNs (and removed) at its first push.
    /// </summary>
    public string[] AppIds { get; set; } = [];

    /// <summary>A notice not pushed within this time is given up (a push about a day-old message helps nobody).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);
}
