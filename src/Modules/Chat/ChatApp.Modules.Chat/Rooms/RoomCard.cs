using System.ComponentModel;

namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// What a room is, apart from its messages: kind, name, owner and members (owner first, then by joining). The query
/// cache keeps it (<see cref="RoomCards"/>); immutable, so every reader on a node shares one instance.
/// </summary>
[ImmutableObject(true)]
internal sealed record RoomCard(Guid Id, RoomKind Kind, string? Name, Guid? OwnerId, IReadOnlyList<RoomCardMember> Members)
{
    public bool HasMember(Guid userId) => Members.Any(m => m.UserId == userId);
}
