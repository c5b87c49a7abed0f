namespace ChatApp.Client.Chat;

/// <summary>Whether someone is online (server: PresenceResponse).</summary>
public sealed record Presence(Guid UserId, bool Online, DateTime? LastSeenAt);
