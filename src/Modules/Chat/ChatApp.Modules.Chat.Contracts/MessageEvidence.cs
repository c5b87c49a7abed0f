namespace ChatApp.Modules.Chat.Contracts;

/// <summary>A message as it is now, for a report's snapshot and a moderator's review (times in UTC).</summary>
public sealed record MessageEvidence(
    Guid MessageId,
    Guid RoomId,
    long Seq,
    Guid SenderId,
    string Text,
    IReadOnlyList<Guid> AttachmentIds,
    DateTime CreatedAt,
    DateTime? EditedAt,
    DateTime? DeletedAt);
