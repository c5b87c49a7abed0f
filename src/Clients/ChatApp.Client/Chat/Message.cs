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

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(RoomId);
        hash.Add(Seq);
        hash.Add(SenderId);
        hash.Add(ClientMessageId);
        hash.Add(Text);
        hash.Add(ReplyToId);
        hash.Add(CreatedAt);
        hash.Add(EditedAt);
        hash.Add(Deleted);
        hash.Add(Sequences.Hash(Attachments));
        return hash.ToHashCode();
    }
}
