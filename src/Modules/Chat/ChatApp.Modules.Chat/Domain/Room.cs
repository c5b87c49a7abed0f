namespace ChatApp.Modules.Chat.Domain;

/// <summary>
/// A conversation. <see cref="LastSeq"/> is the room's sequence: every durable change in the room (a message, a member
/// joining, ...) takes the next number, assigned atomically when it is stored. Order in a room is this number, never a clock.
/// </summary>
internal sealed class Room
{
    public const int NameMaxLength = 100;
    public const int TopicMaxLength = 250;

    public Guid Id { get; set; }

    public RoomKind Kind { get; set; }

    /// <summary>Group rooms only; a direct room is shown under the other person's name.</summary>
    public string? Name { get; set; }

    public Guid? OwnerId { get; set; }

    /// <summary>Group rooms only: a line under the name, set by the owner or an admin.</summary>
    public string? Topic { get; set; }

    /// <summary>Group rooms only: the room's picture, an avatar image in Media uploaded by whoever set it.</summary>
    public Guid? AvatarMediaId { get; set; }

    /// <summary>Direct rooms only: "smallerId:largerId", unique, so a pair has exactly one direct room.</summary>
    public string? DirectKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public long LastSeq { get; set; }

    public DateTime LastActivityAt { get; set; }

    /// <summary>The newest message, kept in the same transaction as the message itself.</summary>
    public Guid? LastMessageId { get; set; }

    public List<RoomMember> Members { get; } = [];

    public static string DirectKeyFor(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a:N}:{b:N}" : $"{b:N}:{a:N}";
}
