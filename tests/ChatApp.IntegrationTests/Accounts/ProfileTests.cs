using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class ProfileTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Me_shows_my_own_profile()
    {
        var user = await Api.NewUserAsync("Ann");

        var me = await Api.As(user).GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");

        Assert.Equal(user.Id, me.GetProperty("id").GetGuid());
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("Ann", me.GetProperty("displayName").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("bio").ValueKind);
    }

    [Fact]
    public async Task Patching_me_changes_only_the_fields_sent()
    {
        var user = await Api.NewUserAsync("Ann");
        var client = Api.As(user);

        var first = await client.PatchAsJsonAsync("/api/v1/accounts/me", new { bio = "  Loves hiking  " });
        var second = await client.PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = "Annie" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");
        Assert.Equal("Annie", me.GetProperty("displayName").GetString());
        Assert.Equal("Loves hiking", me.GetProperty("bio").GetString());
    }

    [Fact]
    public async Task An_empty_bio_clears_it()
    {
        var user = await Api.NewUserAsync();
        var client = Api.As(user);
        await client.PatchAsJsonAsync("/api/v1/accounts/me", new { bio = "something" });

        var response = await client.PatchAsJsonAsync("/api/v1/accounts/me", new { bio = "" });

        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, me.GetProperty("bio").ValueKind);
    }

    [Fact]
    public async Task Invalid_profile_fields_are_a_400_and_change_nothing()
    {
        var user = await Api.NewUserAsync("Ann");
        var client = Api.As(user);

        var response = await client.PatchAsJsonAsync("/api/v1/accounts/me", new { displayName = " ", bio = new string('x', 501) });

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(400, problem.Status);
        Assert.Equal(["bio", "displayName"], problem.Errors.Keys.Order());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");
        Assert.Equal("Ann", me.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_users_public_profile_shows_name_and_bio_but_not_email()
    {
        var alice = await Api.NewUserAsync("Alice");
        var bob = await Api.NewUserAsync("Bob");
        await Api.As(bob).PatchAsJsonAsync("/api/v1/accounts/me", new { bio = "Hi" });

        var profile = await Api.As(alice).GetFromJsonAsync<JsonElement>($"/api/v1/users/{bob.Id}");

        Assert.Equal(bob.Id, profile.GetProperty("id").GetGuid());
        Assert.Equal("Bob", profile.GetProperty("displayName").GetString());
        Assert.Equal("Hi", profile.GetProperty("bio").GetString());
        Assert.False(profile.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task An_unknown_user_is_a_404()
    {
        var alice = await Api.NewUserAsync();

        var response = await Api.As(alice).GetAsync($"/api/v1/users/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("accounts.user_not_found", (await Problem.ReadAsync(response)).Code);
    }
}
