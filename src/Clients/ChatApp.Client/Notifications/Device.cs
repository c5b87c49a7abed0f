namespace ChatApp.Client.Notifications;

/// <summary>A phone's push registration (server: DeviceResponse); <c>Current</c>: registered by this session.</summary>
public sealed record Device(string Platform, string Token, string AppId, string? Locale, DateTime CreatedAt, DateTime UpdatedAt, bool Current);
