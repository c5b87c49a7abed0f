namespace ChatApp.Modules.Notifications.Providers;

internal enum PushKind
{
    /// <summary>A visible notification about new messages in a room (collapsed per room).</summary>
    Alert,

    /// <summary>A silent update: the room was read elsewhere, lower the badge and withdraw the room's notifications.</summary>
    Clear,
}
