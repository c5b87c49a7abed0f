namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event ReactionChanged: reaction.added or reaction.removed.</summary>
public sealed record ReactionChangedEvent(Guid RoomId, long Seq, string Kind, Guid MessageId, Guid UserId, string Emoji);
