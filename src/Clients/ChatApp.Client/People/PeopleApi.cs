using ChatApp.Client.Http;

namespace ChatApp.Client.People;

/// <summary>Finding people by name or handle (docs/api.md "People").</summary>
public sealed class PeopleApi
{
    private readonly ApiConnection _api;

    internal PeopleApi(ApiConnection api) => _api = api;

    public Task<PeopleSearchPage> SearchAsync(string q, string? cursor = null, CancellationToken cancellationToken = default) =>
        _api.GetAsync<PeopleSearchPage>($"/api/v1/users/search?q={Uri.EscapeDataString(q)}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), cancellationToken);
}
