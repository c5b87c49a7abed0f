using ChatApp.Modules.Chat.Rooms;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// A group room changed (<c>kind</c> member.role_changed, room.renamed, room.topic_changed, room.picture_changed), with
/// the change's sequence number. <c>userId</c>: the member whose role changed, or who changed the room; <c>role</c>:
/// the new role (role changes only). Clients re-read the room for the new name, topic or picture.
/// </summary>
internal sealed record RoomChangedEvent(Guid RoomId, long Seq,
    [property: WireValues(RoomEventKinds.MemberRoleChanged, RoomEventKinds.RoomRenamed, RoomEventKinds.RoomTopicChanged, RoomEventKinds.RoomPictureChanged)] string Kind,
    Guid UserId,
    [property: WireValues(RoomRoles.Owner, RoomRoles.Admin, RoomRoles.Member)] string? Role);
