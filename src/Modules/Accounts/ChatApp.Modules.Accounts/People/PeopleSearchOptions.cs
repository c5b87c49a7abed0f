namespace ChatApp.Modules.Accounts.People;

/// <summary>Configuration section <c>Accounts:PeopleSearch</c>.</summary>
internal sealed class PeopleSearchOptions
{
    public const string SectionName = "Accounts:PeopleSearch";

    /// <summary>
    /// Up to this many matching search terms (or handles) a query is answered through the term index; a query that
    /// matches more is answered by scanning the covering index in name order, which fills a page quickly then.
    /// </summary>
    public int FewMatches { get; set; } = 2000;
}
