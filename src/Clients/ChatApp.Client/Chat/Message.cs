namespace ChatApp.Client.Chat;

/// <summary>A message (server: MessageResponse).</summary>
public sealed record Message(Guid Id, Guid RoomId, long Seq, Guid SenderId, string ClientMessageId, string Text, Guid? ReplyToId, DateTime CreatedAt, DateTime? EditedAt, bool Deleted, IReadOnlyList<Attachment> Attachments)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(Message? other) =>
        other is not null
        && Id == other.Id
        && RoomId == other.RoomId
        && Seq == other.Seq
        && SenderId == other.SenderId
        && ClientMessageId == other.ClientMessageId
        && Text == other.Text
        && ReplyToId == other.ReplyToId
        && CreatedAt == other.CreatedAt
        && EditedAt == other.EditedAt
        && Deleted == other.Deleted
        && Sequences.Equal(Attachments, other.Attachments);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(Id, Seq, EditedAt, Deleted);
}
