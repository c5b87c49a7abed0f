namespace ChatApp.Modules.Chat.Rooms;

/// <summary>
/// What a room event's <see cref="RoomEvent.Detail"/> holds beyond its message and user: a reaction's emoji, a
/// role change's new role, and for <c>member.joined</c> / <c>member.left</c> who added or removed the member when it
/// was someone else (their id, 32 hex digits).
/// </summary>
internal static class RoomEventDetails
{
    public static string? By(Guid? userId) => userId?.ToString("N");

    public static Guid? ByOf(string kind, string? detail) =>
        kind is RoomEventKinds.MemberJoined or RoomEventKinds.MemberLeft && Guid.TryParseExact(detail, "N", out var id) ? id : null;

    public static string? RoleOf(string kind, string? detail) => kind == RoomEventKinds.MemberRoleChanged ? detail : null;

    public static string? EmojiOf(string kind, string? detail) => kind is RoomEventKinds.ReactionAdded or RoomEventKinds.ReactionRemoved ? detail : null;
}
