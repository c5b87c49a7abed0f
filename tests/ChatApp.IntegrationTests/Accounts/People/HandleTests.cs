using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts.People;

public sealed class HandleTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private PeopleApi People => new(Api, Factory);

    [Fact]
    public async Task A_handle_chosen_at_sign_up_shows_in_my_profile_public_profile_and_directory()
    {
        var email = AccountsApi.UniqueEmail();
        var response = await Api.PostRegisterAsync(new { email, password = AccountsApi.Password, displayName = "민준", handle = "@MinJun_92" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var minjun = new TestUser((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid(), email, AccountsApi.Password, await Api.LoginAsync(email));
        var other = await Api.NewUserAsync("Other");

        var me = await People.MeAsync(minjun);
        var profile = await Api.As(other).GetFromJsonAsync<JsonElement>($"/api/v1/users/{minjun.Id}");

        Assert.Equal("MinJun_92", me.GetProperty("handle").GetString());
        Assert.True(me.GetProperty("discoverable").GetBoolean());
        Assert.Equal("MinJun_92", profile.GetProperty("handle").GetString());
        Assert.Equal(JsonValueKind.Null, (await People.MeAsync(other)).GetProperty("handle").ValueKind);
    }

    [Fact]
    public async Task A_handle_taken_in_another_case_is_refused_at_sign_up_and_later()
    {
        await People.NewUserAsync("Ann", "Ann.Lee");
        var bob = await Api.NewUserAsync("Bob");

        var atSignUp = await Api.PostRegisterAsync(new { email = AccountsApi.UniqueEmail(), password = AccountsApi.Password, displayName = "Bob 2", handle = "ann.lee" });
        var later = await People.PutHandleAsync(bob, "ANN.LEE");

        Assert.Equal("accounts.handle_taken", (await Problem.ReadAsync(atSignUp)).Code);
        Assert.Equal(409, (await Problem.ReadAsync(later)).Status);
        Assert.Equal("accounts.handle_taken", (await Problem.ReadAsync(later)).Code);
        Assert.Equal(JsonValueKind.Null, (await People.MeAsync(bob)).GetProperty("handle").ValueKind);
    }

    [Theory]
    [InlineData("ab", "accounts.handle_invalid")]
    [InlineData("abcdefghijklmnopqrstuvwxyz12345", "accounts.handle_invalid")]
    [InlineData("ann-lee", "accounts.handle_invalid")]
    [InlineData("민준이", "accounts.handle_invalid")]
    [InlineData("ann lee", "accounts.handle_invalid")]
    [InlineData(".annlee", "accounts.handle_invalid")]
    [InlineData("annlee.", "accounts.handle_invalid")]
    [InlineData("ann..lee", "accounts.handle_invalid")]
    [InlineData("Admin", "accounts.handle_reserved")]
    [InlineData("sup.port", "accounts.handle_reserved")]
    [InlineData("ChatApp", "accounts.handle_reserved")]
    public async Task Handles_outside_the_rules_are_a_400_with_a_code(string handle, string code)
    {
        var ann = await Api.NewUserAsync("Ann");

        var problem = await Problem.ReadAsync(await People.PutHandleAsync(ann, handle));

        Assert.Equal(400, problem.Status);
        Assert.Equal(code, problem.Code);
        Assert.Equal(["handle"], problem.Errors.Keys);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("abcdefghijklmnopqrstuvwxyz1234")]
    [InlineData("a.b_c.9")]
    [InlineData("_under_")]
    public async Task Handles_within_the_rules_are_taken(string handle)
    {
        var ann = await Api.NewUserAsync("Ann");

        var response = await People.PutHandleAsync(ann, handle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(handle, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString());
    }

    [Fact]
    public async Task Two_people_taking_the_same_handle_at_once_get_one_success_and_one_conflict()
    {
        for (var round = 0; round < 3; round++)
        {
            var ann = await Api.NewUserAsync("Ann");
            var bob = await Api.NewUserAsync("Bob");
            var handle = $"race{round}.{Guid.NewGuid():N}"[..20];

            var responses = await Task.WhenAll(People.PutHandleAsync(ann, handle), People.PutHandleAsync(bob, handle.ToUpperInvariant()));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal("accounts.handle_taken", (await Problem.ReadAsync(loser)).Code);
        }
    }

    [Fact]
    public async Task Changing_a_handle_again_waits_for_the_cooldown_but_its_case_may_change()
    {
        var ann = await People.NewUserAsync("Ann", "ann.first");

        var tooSoon = await People.PutHandleAsync(ann, "ann.second");
        var caseOnly = await People.PutHandleAsync(ann, "Ann.First");
        await People.ChangeAsync(ann.Id, u => u.HandleChangedAt = DateTime.UtcNow.AddDays(-15));
        var later = await People.PutHandleAsync(ann, "ann.second");
        var other = await Api.NewUserAsync("Other");
        var freed = await People.PutHandleAsync(other, "ann.first");

        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Equal("accounts.handle_cooldown", (await Problem.ReadAsync(tooSoon)).Code);
        Assert.InRange(tooSoon.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromDays(13), TimeSpan.FromDays(14));
        Assert.Equal("Ann.First", (await caseOnly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handle").GetString());
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal("ann.second", (await People.MeAsync(ann)).GetProperty("handle").GetString());
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
    }
}
