namespace ChatApp.Modules.Chat.Domain;

internal enum RoomKind
{
    Direct = 1,
    Group = 2,
}

internal enum MemberRole
{
    Member = 0,
    Owner = 1,
}

/// <summary>
/// A conversation. <see cref="LastSeq"/> is the room's sequence: every durable change in the room (a message, a member
/// joining, ...) takes the next number, assigned atomically when it is stored. Order in a room is this number, never a clock.
/// </summary>
internal sealed class Room
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public RoomKind Kind { get; set; }

    /// <summary>Group rooms only; a direct room is shown under the other person's name.</summary>
    public string? Name { get; set; }

    public Guid? OwnerId { get; set; }

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

internal sealed class RoomMember
{
    public Guid RoomId { get; set; }

    public Guid UserId { get; set; }

    public MemberRole Role { get; set; }

    public DateTime JoinedAt { get; set; }

    /// <summary>The room sequence number this member has read up to; it only moves forward.</summary>
    public long ReadSeq { get; set; }
}

/// <summary>A message. Its <see cref="Seq"/> is the room sequence number of its creation.</summary>
internal sealed class Message
{
    public const int TextMaxLength = 4000;
    public const int ClientMessageIdMaxLength = 64;
    public const int MaxAttachments = 10;

    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    /// <summary>Chosen by the sending device; (sender, client message id) identifies a send, so a retry stores nothing new.</summary>
    public string ClientMessageId { get; set; } = "";

    public string Text { get; set; } = "";

    public Guid? ReplyToId { get; set; }

    /// <summary>Media ids of attached pictures (Media module), comma-separated; null without attachments.</summary>
    public string? Attachments { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? EditedAt { get; set; }

    /// <summary>Set when the sender deleted it: the text is gone, the message stays as a tombstone so sequences keep their meaning.</summary>
    public DateTime? DeletedAt { get; set; }

    public IReadOnlyList<Guid> AttachmentIds =>
        string.IsNullOrEmpty(Attachments) ? [] : Attachments.Split(',').Select(Guid.Parse).ToList();

    public static string? JoinAttachments(IReadOnlyCollection<Guid>? ids) =>
        ids is null || ids.Count == 0 ? null : string.Join(',', ids.Select(id => id.ToString("N")));
}

/// <summary>One durable change of a room, in sequence: what a reconnecting client catches up on.</summary>
internal sealed class RoomEvent
{
    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public string Kind { get; set; } = "";

    public Guid? MessageId { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>What the change was about beyond message and user: the emoji of a reaction.</summary>
    public string? Detail { get; set; }

    public DateTime OccurredAt { get; set; }
}

/// <summary>One person's reaction with one emoji to one message.</summary>
internal sealed class Reaction
{
    public const int EmojiMaxLength = 32;

    public Guid MessageId { get; set; }

    public Guid UserId { get; set; }

    public string Emoji { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A message that reached a user who had no live connection when it was posted: what a push notification will announce.
/// It stops being pending when the user reads up to the message.
/// </summary>
internal sealed class PendingNotification
{
    public Guid UserId { get; set; }

    public Guid MessageId { get; set; }

    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal static class RoomEventKinds
{
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";
    public const string MessageCreated = "message.created";
    public const string MessageEdited = "message.edited";
    public const string MessageDeleted = "message.deleted";
    public const string ReactionAdded = "reaction.added";
    public const string ReactionRemoved = "reaction.removed";
}

/// <summary>The blocker does not want to hear from the blocked user: no direct room, no direct messages, either way.</summary>
internal sealed class Block
{
    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTime CreatedAt { get; set; }
}
