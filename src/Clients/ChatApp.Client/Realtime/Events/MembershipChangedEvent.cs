namespace ChatApp.Client.Realtime.Events;

/// <summary>Hub event MembershipChanged: member.joined or member.left.</summary>
public sealed record MembershipChangedEvent(Guid RoomId, long Seq, string Kind, Guid UserId, Guid? ByUserId);
