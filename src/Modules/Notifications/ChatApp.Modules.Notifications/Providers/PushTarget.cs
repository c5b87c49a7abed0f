namespace ChatApp.Modules.Notifications.Providers;

/// <summary>The device a push goes to.</summary>
internal sealed record PushTarget(Guid DeviceId, DevicePlatform Platform, string Token, string AppId);
