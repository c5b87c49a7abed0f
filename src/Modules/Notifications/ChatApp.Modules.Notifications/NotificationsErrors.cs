namespace ChatApp.Modules.Notifications;

/// <summary>The Notifications module's expected failures and validation codes (codes are part of the API contract).</summary>
internal static class NotificationsErrors
{
    public const string InvalidPlatformCode = "notifications.invalid_platform";
    public const string InvalidTokenCode = "notifications.invalid_token";
    public const string InvalidAppIdCode = "notifications.invalid_app_id";
    public const string UnknownAppIdCode = "notifications.unknown_app_id";
    public const string InvalidLocaleCode = "notifications.invalid_locale";
    public const string InvalidTimeZoneCode = "notifications.invalid_time_zone";
    public const string InvalidQuietHoursCode = "notifications.invalid_quiet_hours";
    public const string QuietHoursNeedTimeZoneCode = "notifications.quiet_hours_need_time_zone";
    public const string InvalidMuteUntilCode = "notifications.invalid_mute_until";

    /// <summary>Also what someone gets for another account's token: a token is never confirmed to exist elsewhere.</summary>
    public static readonly Error DeviceNotFound = Error.NotFound("notifications.device_not_found", "No such device of yours.");

    /// <summary>Also what a non-member gets for a room that exists (as in Chat: a non-member learns nothing about it).</summary>
    public static readonly Error RoomNotFound = Error.NotFound("notifications.room_not_found", "No such room.");

    /// <summary>A device is bound to the sign-in session that registers it; a credential without one cannot register.</summary>
    public static readonly Error SessionRequired = Error.Unauthorized(
        "notifications.session_required", "Registering a device needs an access token of a sign-in session.");
}
