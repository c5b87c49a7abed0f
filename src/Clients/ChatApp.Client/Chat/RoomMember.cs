namespace ChatApp.Client.Chat;

/// <summary>A member as a room shows it (server: RoomMemberResponse); ReadSeq: how far they have read (a read receipt).</summary>
public sealed record RoomMember(Guid UserId, string DisplayName, string Role, string? AvatarUrl, bool Deactivated, long ReadSeq);
