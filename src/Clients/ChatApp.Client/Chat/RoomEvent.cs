namespace ChatApp.Client.Chat;

/// <summary>One numbered change of a room in a sync answer (server: RoomEventResponse).</summary>
public sealed record RoomEvent(long Seq, string Kind, DateTime OccurredAt, Guid? UserId, Message? Message, string? Emoji, Guid? ByUserId, string? Role);
