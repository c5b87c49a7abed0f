namespace ChatApp.Modules.Accounts.Features.SearchPeople;

/// <summary>A person a search found, and the cursor that points just past them.</summary>
internal sealed record PeopleSearchMatch(Guid Id, PeopleSearchCursor Position);
