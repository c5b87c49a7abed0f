namespace ChatApp.Client.Chat;

/// <summary>A page of history, oldest first (server: MessagePage).</summary>
public sealed record MessagePage(IReadOnlyList<Message> Messages, bool HasMore, IReadOnlyList<ReactionSummary> Reactions)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(MessagePage? other) =>
        other is not null
        && HasMore == other.HasMore
        && Sequences.Equal(Messages, other.Messages)
        && Sequences.Equal(Reactions, other.Reactions);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HasMore.GetHashCode();
}
