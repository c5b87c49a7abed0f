namespace ChatApp.Modules.Accounts.People;

/// <summary>Configuration section <c>Accounts:PeopleSearch</c>.</summary>
internal sealed class PeopleSearchOptions
{
    public const string SectionName = "Accounts:PeopleSearch";

    /// <summary>
    /// Up to this many matching search terms (and handles) a query is answered in name order (its people read, sorted
    /// and paged in memory); a query that matches more is answered in term order, page by page from the term index
    /// (ADR 0023 part P, docs/performance.md).
    /// </summary>
    public int FewMatches { get; set; } = 250;
}
