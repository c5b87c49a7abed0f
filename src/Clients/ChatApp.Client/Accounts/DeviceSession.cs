namespace ChatApp.Client.Accounts;

/// <summary>One of my signed-in devices (server: SessionResponse).</summary>
public sealed record DeviceSession(Guid Id, string DeviceName, DateTime CreatedAt, DateTime LastUsedAt, DateTime ExpiresAt, bool IsCurrent);
