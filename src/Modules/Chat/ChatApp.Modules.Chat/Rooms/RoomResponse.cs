using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// A room as its member sees it. <c>name</c> is the group name, or the other person's name for a direct room.
/// <c>unreadCount</c> is derived from the read position: messages from others after <c>readSeq</c>. <c>topic</c> and
/// <c>picture</c>: group rooms only, set by the owner or an admin.
/// </summary>
internal sealed record RoomResponse(
    Guid Id,
    [property: WireValues("direct", "group")] string Kind,
    string Name,
    Guid? OwnerId,
    Guid? DirectUserId,
    int MemberCount,
    long LastSeq,
    DateTime LastActivityAt,
    MessageResponse? LastMessage,
    long ReadSeq,
    int UnreadCount,
    IReadOnlyList<RoomMemberResponse>? Members,
    string? Topic,
    RoomPictureResponse? Picture);
