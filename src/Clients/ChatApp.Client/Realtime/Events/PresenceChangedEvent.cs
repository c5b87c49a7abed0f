namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event PresenceChanged.</summary>
public sealed record PresenceChangedEvent(Guid UserId, bool Online, DateTime? LastSeenAt);
