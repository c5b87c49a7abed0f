namespace ChatApp.Client.People;

/// <summary>A page of people search (server: PeopleSearchResponse).</summary>
public sealed record PeopleSearchPage(IReadOnlyList<Person> Items, string? NextCursor);
