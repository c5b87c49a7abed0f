namespace ChatApp.Modules.Chat.Domain;

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
