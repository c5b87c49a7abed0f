using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Domain;
using ChatApp.Modules.Accounts.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Accounts.People;

public sealed record PersonDto(Guid Id, string DisplayName, string? Handle, bool ExactHandle);

public sealed record PeoplePageDto(IReadOnlyList<PersonDto> Items, string? NextCursor);

/// <summary>People search and handles as the app calls them, plus setting moderation state the way Moderation will.</summary>
internal sealed class PeopleApi(AccountsApi api, ChatAppFactory factory)
{
    public Task<HttpResponseMessage> GetSearchAsync(TestUser me, string q, string? cursor = null) =>
        api.As(me).GetAsync($"/api/v1/users/search?q={Uri.EscapeDataString(q)}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));

    public async Task<PeoplePageDto> SearchAsync(TestUser me, string q, string? cursor = null)
    {
        var response = await GetSearchAsync(me, q, cursor);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PeoplePageDto>())!;
    }

    public async Task<IReadOnlyList<string>> NamesAsync(TestUser me, string q) =>
        (await SearchAsync(me, q)).Items.Select(p => p.DisplayName).ToList();

    public Task<HttpResponseMessage> PutHandleAsync(TestUser me, string handle) =>
        api.As(me).PutAsJsonAsync("/api/v1/accounts/me/handle", new { handle });

    public async Task<TestUser> NewUserAsync(string displayName, string? handle = null)
    {
        var user = await api.NewUserAsync(displayName);
        if (handle is not null)
        {
            (await PutHandleAsync(user, handle)).EnsureSuccessStatusCode();
        }

        return user;
    }

    public async Task<JsonElement> MeAsync(TestUser me) => await api.As(me).GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");

    /// <summary>Changes the stored account directly (suspensions, bans and reviews have no route in this part).</summary>
    public async Task ChangeAsync(Guid userId, Action<User> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == userId);
        change(user);
        await db.SaveChangesAsync();
    }
}
