using ChatApp.Client.Http;

namespace ChatApp.Client.Notifications;

/// <summary>Push registrations, preferences and room mutes (docs/api.md "Notifications").</summary>
public sealed class NotificationsApi
{
    private readonly ApiConnection _api;

    internal NotificationsApi(ApiConnection api) => _api = api;

    /// <summary>Registers this phone's push token for the signed-in session (<paramref name="platform"/> <c>android</c> or <c>ios</c>); registering it again updates it.</summary>
    public Task<Device> RegisterDeviceAsync(string platform, string token, string appId, string? locale = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<Device>(HttpMethod.Put, "/api/v1/notifications/devices", new { platform, token, appId, locale }, authenticated: true, cancellationToken);

    public Task<IReadOnlyList<Device>> ListDevicesAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<Device>>("/api/v1/notifications/devices", cancellationToken);

    public Task RemoveDeviceAsync(string token, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/notifications/devices/{Uri.EscapeDataString(token)}", null, cancellationToken);

    public Task<NotificationPreferences> GetPreferencesAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<NotificationPreferences>("/api/v1/notifications/preferences", cancellationToken);

    /// <summary>Replaces my preferences (a null <paramref name="quietHours"/>: none).</summary>
    public Task<NotificationPreferences> UpdatePreferencesAsync(bool showPreviews, string? timeZone = null, QuietHours? quietHours = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<NotificationPreferences>(HttpMethod.Put, "/api/v1/notifications/preferences", new { showPreviews, timeZone, quietHours }, authenticated: true, cancellationToken);

    /// <summary>Mutes a room's pushes until <paramref name="until"/> (null: until unmuted).</summary>
    public Task<RoomMute> MuteRoomAsync(Guid roomId, DateTimeOffset? until = null, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync<RoomMute>(HttpMethod.Put, $"/api/v1/notifications/rooms/{roomId}/mute", new { until }, authenticated: true, cancellationToken);

    public Task UnmuteRoomAsync(Guid roomId, CancellationToken cancellationToken = default) =>
        _api.SendJsonAsync(HttpMethod.Delete, $"/api/v1/notifications/rooms/{roomId}/mute", null, cancellationToken);

    public Task<IReadOnlyList<RoomMute>> ListMutesAsync(CancellationToken cancellationToken = default) =>
        _api.GetAsync<IReadOnlyList<RoomMute>>("/api/v1/notifications/mutes", cancellationToken);
}
