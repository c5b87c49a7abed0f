namespace ChatApp.Modules.Notifications.Domain;

/// <summary>Which push service reaches a device: FCM for Android, APNs for iOS.</summary>
internal enum DevicePlatform
{
    Android,
    Ios,
}
