using System.Text.RegularExpressions;

namespace ChatApp.Modules.Notifications.Devices;

/// <summary>
/// What a push token looks like per platform. APNs device tokens are 32 bytes in hex (stored in lower case, so the
/// same phone is one device whatever case it sent); FCM registration tokens are opaque, ~150-250 characters of
/// <c>[A-Za-z0-9_:-]</c>.
/// </summary>
internal static partial class DeviceTokens
{
    public const string Android = "android";
    public const string Ios = "ios";

    public static bool TryParsePlatform(string? value, out DevicePlatform platform)
    {
        (var known, platform) = value switch
        {
            Android => (true, DevicePlatform.Android),
            Ios => (true, DevicePlatform.Ios),
            _ => (false, default),
        };
        return known;
    }

    public static string Name(DevicePlatform platform) => platform == DevicePlatform.Ios ? Ios : Android;

    public static bool IsValid(DevicePlatform platform, string token) => platform == DevicePlatform.Ios
        ? ApnsToken().IsMatch(token)
        : token.Length <= Device.MaxTokenLength && FcmToken().IsMatch(token);

    /// <summary>The stored form: APNs tokens in lower case, FCM tokens as sent (they are case-sensitive).</summary>
    public static string Normalize(DevicePlatform platform, string token) => platform == DevicePlatform.Ios ? token.ToLowerInvariant() : token;

    /// <summary>Whether a stored token is the one a client names (its platform unknown): FCM exactly, APNs in any case.</summary>
    public static bool Matches(Device device, string token) =>
        string.Equals(device.Token, token, device.Platform == DevicePlatform.Ios ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    [GeneratedRegex("^[0-9A-Fa-f]{64}$")]
    private static partial Regex ApnsToken();

    [GeneratedRegex("^[A-Za-z0-9_:-]+$")]
    private static partial Regex FcmToken();
}
