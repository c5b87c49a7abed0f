using ChatApp.Modules.Media.Contracts;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// A member as the room shows them; <c>Deactivated</c>: the account is deactivated for now (grey it out; no new rooms
/// with them). <c>ReadSeq</c>: how far they have read, what the live <c>ReadPositionChanged</c> receipts already tell
/// the room's members, so an app opening the room can show receipts from before it connected.
/// </summary>
internal sealed record RoomMemberResponse(Guid UserId, string DisplayName, [property: WireValues(RoomRoles.Owner, RoomRoles.Admin, RoomRoles.Member)] string Role, string? AvatarUrl, bool Deactivated, long ReadSeq);
