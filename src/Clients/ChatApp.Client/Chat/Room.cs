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

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(Id, LastSeq, ReadSeq, UnreadCount);
}
