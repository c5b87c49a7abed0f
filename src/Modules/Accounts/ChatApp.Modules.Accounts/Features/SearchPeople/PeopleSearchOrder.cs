namespace ChatApp.Modules.Accounts.Features.SearchPeople;

/// <summary>The order a page of people search is in, and so what its cursor holds (<see cref="PeopleSearchCursor"/>).</summary>
internal enum PeopleSearchOrder
{
    /// <summary>By stored key (folded name, then id): queries few people match.</summary>
    Name,

    /// <summary>By the matching search term, then id: people whose name matches a common query.</summary>
    Term,

    /// <summary>By handle: people a common query finds by their handle only (after all name matches).</summary>
    Handle,
}
