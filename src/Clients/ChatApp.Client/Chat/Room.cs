namespace ChatApp.Client.Chat;

/// <summary>A room as I see it (server: RoomResponse); Members is null in the list.</summary>
public sealed record Room(Guid Id, string Kind, string Name, Guid? OwnerId, Guid? DirectUserId, int MemberCount, long LastSeq, DateTime LastActivityAt, Message? LastMessage, long ReadSeq, int UnreadCount, IReadOnlyList<RoomMember>? Members, string? Topic, RoomPicture? Picture)
{
    /// <summary>Equal when every field is, the members element by element.</summary>
    public bool Equals(Room? other) =>
        other is not null
        && Id == other.Id
        && Kind == other.Kind
        && Name == other.Name
        && OwnerId == other.OwnerId
        && DirectUserId == other.DirectUserId
        && MemberCount == other.MemberCount
        && LastSeq == other.LastSeq
        && LastActivityAt == other.LastActivityAt
        && LastMessage == other.LastMessage
        && ReadSeq == other.ReadSeq
        && UnreadCount == other.UnreadCount
        && Topic == other.Topic
        && Picture == other.Picture
        && Sequences.Equal(Members, other.Members);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(Kind);
        hash.Add(Name);
        hash.Add(OwnerId);
        hash.Add(DirectUserId);
        hash.Add(MemberCount);
        hash.Add(LastSeq);
        hash.Add(LastActivityAt);
        hash.Add(LastMessage);
        hash.Add(ReadSeq);
        hash.Add(UnreadCount);
        hash.Add(Topic);
        hash.Add(Picture);
        hash.Add(Sequences.Hash(Members));
        return hash.ToHashCode();
    }
}
