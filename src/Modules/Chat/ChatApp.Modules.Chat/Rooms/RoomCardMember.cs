namespace ChatApp.Modules.Chat.Rooms;

internal sealed record RoomCardMember(Guid UserId, MemberRole Role, DateTime JoinedAt);
