namespace ChatApp.Client.People;

/// <summary>A page of people search (server: PeopleSearchResponse).</summary>
public sealed record PeopleSearchPage(IReadOnlyList<Person> Items, string? NextCursor)
{
    /// <summary>Equal when every field is, the lists element by element.</summary>
    public bool Equals(PeopleSearchPage? other) =>
        other is not null
        && NextCursor == other.NextCursor
        && Sequences.Equal(Items, other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NextCursor);
        hash.Add(Sequences.Hash(Items));
        return hash.ToHashCode();
    }
}
