namespace ChatApp.Modules.Notifications.Providers;

/// <summary>
/// What a push says, independent of the service. <see cref="Seq"/> is the newest message's sequence for an alert and
/// the read position for a clear; <see cref="Badge"/> is the person's total unread count. Title and body are set for
/// alerts only (already trimmed and privacy-filtered); the provider lays them out in its own payload format.
/// </summary>
internal sealed record PushMessage(PushKind Kind, Guid RoomId, long Seq, int Badge, Guid? MessageId = null, string? Title = null, string? Body = null);
