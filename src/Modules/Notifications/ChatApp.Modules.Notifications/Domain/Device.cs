namespace ChatApp.Modules.Notifications.Domain;

/// <summary>
/// A phone's push token, bound to the sign-in session that registered it: ending the session (sign-out, revocation,
/// password change, deactivation) removes the device. A token is unique: registering it from another account moves it.
/// </summary>
internal sealed class Device
{
    public const int MaxTokenLength = 512;
    public const int MaxAppIdLength = 255;
    public const int MaxLocaleLength = 35;

    public Guid Id { get; set; }

    public required string Token { get; set; }

    public DevicePlatform Platform { get; set; }

    /// <summary>The app's bundle id (APNs topic) or Android package name.</summary>
    public required string AppId { get; set; }

    /// <summary>BCP 47 language tag of the phone, when it told us.</summary>
    public string? Locale { get; set; }

    public Guid UserId { get; set; }

    public Guid SessionId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
