namespace ChatApp.Client.Chat;

/// <summary>What changed in a room after the cursor (server: RoomChangesResponse).</summary>
public sealed record RoomChanges(Guid RoomId, long FromSeq, long LastSeq, bool Truncated, IReadOnlyList<RoomEvent> Events)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(RoomChanges? other) =>
        other is not null
        && RoomId == other.RoomId
        && FromSeq == other.FromSeq
        && LastSeq == other.LastSeq
        && Truncated == other.Truncated
        && Sequences.Equal(Events, other.Events);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(RoomId, FromSeq, LastSeq);
}
