using System.Diagnostics;

namespace ChatApp.Host.Telemetry;

/// <summary>
/// An APNs request names the device token in its path (<c>/3/device/{token}</c>): the client span's <c>url.full</c>
/// keeps the host and replaces the token, so traces carry no device tokens (FCM puts the token in the body).
/// </summary>
internal static class PushTokenRedaction
{
    private const string DevicePath = "/3/device/";

    public static void Enrich(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { } uri && uri.AbsolutePath.StartsWith(DevicePath, StringComparison.Ordinal))
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{DevicePath}REDACTED");
        }
    }
}
