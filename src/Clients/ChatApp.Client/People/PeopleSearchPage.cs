namespace ChatApp.Client.People;

/// <summary>A page of people search (server: PeopleSearchResponse).</summary>
public sealed record PeopleSearchPage(IReadOnlyList<Person> Items, string? NextCursor)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(PeopleSearchPage? other) =>
        other is not null
        && NextCursor == other.NextCursor
        && Sequences.Equal(Items, other.Items);

    /// <summary>From the identifying fields only: equal values hash alike.</summary>
    public override int GetHashCode() => HashCode.Combine(NextCursor);
}
