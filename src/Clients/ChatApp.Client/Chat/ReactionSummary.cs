namespace ChatApp.Client.Chat;

/// <summary>Who reacted with an emoji (server: ReactionSummary).</summary>
public sealed record ReactionSummary(Guid MessageId, string Emoji, int Count, IReadOnlyList<Guid> UserIds)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(ReactionSummary? other) =>
        other is not null
        && MessageId == other.MessageId
        && Emoji == other.Emoji
        && Count == other.Count
        && Sequences.Equal(UserIds, other.UserIds);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(MessageId);
        hash.Add(Emoji);
        hash.Add(Count);
        hash.Add(Sequences.Hash(UserIds));
        return hash.ToHashCode();
    }
}
