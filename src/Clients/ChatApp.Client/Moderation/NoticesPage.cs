namespace ChatApp.Client.Moderation;

/// <summary>A page of my notices, newest first (server: NoticesPage); <c>NextCursor</c> null on the last page.</summary>
public sealed record NoticesPage(IReadOnlyList<Notice> Items, string? NextCursor)
{
    /// <summary>Equal when the cursors are and the notices are, element by element.</summary>
    public bool Equals(NoticesPage? other) =>
        other is not null
        && NextCursor == other.NextCursor
        && Sequences.Equal(Items, other.Items);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(NextCursor);
}
