namespace ChatApp.Client.Chat;

/// <summary>A member as a room shows it (server: RoomMemberResponse).</summary>
public sealed record RoomMember(Guid UserId, string DisplayName, string Role, string? AvatarUrl, bool Deactivated);
