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

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(MessageId, Emoji, Count);
}
