namespace ChatApp.Modules.Chat.Domain;

/// <summary>
/// An invite link: to join a group room (<see cref="RoomId"/> set, made by its owner or an admin) or, personal
/// (<see cref="RoomId"/> null), to open a direct chat with <see cref="CreatedBy"/>. The link carries <see cref="Code"/>.
/// </summary>
internal sealed class Invite
{
    public const int CodeMaxLength = 32;

    public Guid Id { get; set; }

    /// <summary>The unguessable code in the link (unique).</summary>
    public string Code { get; set; } = "";

    /// <summary>The group room it joins; null for a personal link.</summary>
    public Guid? RoomId { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Null: never expires.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Null: no limit.</summary>
    public int? MaxUses { get; set; }

    public int Uses { get; set; }

    public DateTime? RevokedAt { get; set; }
}
