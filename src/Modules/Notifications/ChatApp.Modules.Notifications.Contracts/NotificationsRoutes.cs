namespace ChatApp.Modules.Notifications.Contracts;

/// <summary>Route prefixes of the Notifications module.</summary>
public static class NotificationsRoutes
{
    public const string Notifications = "/api/v1/notifications";
}
