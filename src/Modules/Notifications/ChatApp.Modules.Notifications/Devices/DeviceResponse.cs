namespace ChatApp.Modules.Notifications.Devices;

/// <summary>A device of mine; <c>current</c>: registered by the session of this request's access token.</summary>
internal sealed record DeviceResponse([property: WireValues(DeviceTokens.Android, DeviceTokens.Ios)] string Platform, string Token, string AppId, string? Locale, DateTime CreatedAt, DateTime UpdatedAt, bool Current)
{
    public static DeviceResponse From(Device device, Guid? currentSessionId) => new(
        DeviceTokens.Name(device.Platform), device.Token, device.AppId, device.Locale, device.CreatedAt, device.UpdatedAt, device.SessionId == currentSessionId);
}
