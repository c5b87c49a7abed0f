namespace ChatApp.Client.Chat;

/// <summary>A room as I see it (server: RoomResponse); Members is null in the list.</summary>
public sealed record Room(Guid Id, string Kind, string Name, Guid? OwnerId, Guid? DirectUserId, int MemberCount, long LastSeq, DateTime LastActivityAt, Message? LastMessage, long ReadSeq, int UnreadCount, IReadOnlyList<RoomMember>? Members, string? Topic, RoomPicture? Picture);
