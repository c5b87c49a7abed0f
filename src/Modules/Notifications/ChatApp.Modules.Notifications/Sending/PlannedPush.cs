using ChatApp.Modules.Notifications.Providers;

namespace ChatApp.Modules.Notifications.Sending;

/// <summary>One push the sender is about to make, and the work item it serves.</summary>
internal sealed record PlannedPush(PushWork Work, Device Device, PushMessage Message);
