using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat.Groups;

/// <summary>Who a group's links still let in: not someone a manager removed, not anyone once the room is left empty.</summary>
public sealed class InviteRuleTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_member_removed_by_an_admin_cannot_rejoin_by_link_until_added_again_but_one_who_left_can()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("안나");
        var carl = await Api.NewUserAsync("Carl");
        var room = await Chat.CreateGroupAsync(owner, "등산 모임", ann.Id, carl.Id);
        var code = await CreateAsync(owner, room.Id);

        (await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}")).Dispose();
        (await Api.As(carl).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{carl.Id}")).Dispose();
        using var annRejoins = await JoinAsync(ann, code);
        using var carlRejoins = await JoinAsync(carl, code);

        Assert.Equal(HttpStatusCode.Forbidden, annRejoins.StatusCode);
        Assert.Equal("chat.removed_from_room", (await Problem.ReadAsync(annRejoins)).Code);
        Assert.Equal(HttpStatusCode.OK, carlRejoins.StatusCode);
        Assert.Equal(1, (await ListAsync(owner, room.Id)).Single().GetProperty("uses").GetInt32()); // the refusal counted no use

        using var added = await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { ann.Id } });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        (await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}")).Dispose(); // leaving by herself now
        using var annBack = await JoinAsync(ann, code);

        Assert.Equal(HttpStatusCode.OK, annBack.StatusCode);
        Assert.Equal(3, (await Chat.RoomsAsync(owner)).Single().MemberCount);
    }

    [Fact]
    public async Task The_links_an_admin_made_are_revoked_when_the_admin_is_demoted_or_removed()
    {
        var owner = await Api.NewUserAsync();
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id, bob.Id);
        foreach (var admin in new[] { ann, bob })
        {
            (await Api.As(owner).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members/{admin.Id}/role", new { role = "admin" })).Dispose();
        }

        var annsLink = await CreateAsync(ann, room.Id);
        var bobsLink = await CreateAsync(bob, room.Id);
        var ownersLink = await CreateAsync(owner, room.Id);

        using var demoted = await Api.As(owner).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}/role", new { role = "member" });
        using var removed = await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{bob.Id}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NoContent), (demoted.StatusCode, removed.StatusCode));
        var statuses = (await ListAsync(owner, room.Id)).ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("status").GetString());
        Assert.Equal("revoked", statuses[annsLink]);
        Assert.Equal("revoked", statuses[bobsLink]);
        Assert.Equal("active", statuses[ownersLink]);
    }

    [Fact]
    public async Task When_the_last_member_leaves_the_rooms_links_are_revoked_and_answer_not_found()
    {
        var owner = await Api.NewUserAsync();
        var ann = await Api.NewUserAsync();
        var carl = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "빈 방", ann.Id);
        var code = await CreateAsync(owner, room.Id);

        (await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}")).Dispose();
        (await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{owner.Id}")).Dispose();
        using var preview = await Api.Anonymous().GetAsync($"/api/v1/chat/invites/{code}");
        using var join = await JoinAsync(carl, code);

        Assert.Equal(HttpStatusCode.NotFound, preview.StatusCode);
        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(preview)).Code);
        Assert.Equal(HttpStatusCode.NotFound, join.StatusCode);
        Assert.Equal("chat.invite_not_found", (await Problem.ReadAsync(join)).Code);
        Assert.Empty(await Chat.RoomsAsync(carl));
    }

    [Fact]
    public async Task Ownership_never_goes_to_a_deactivated_member_while_an_active_one_is_there()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id, bob.Id);
        (await Api.As(owner).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}/role", new { role = "admin" })).Dispose();
        using (var deactivate = await Api.As(ann).PostAsJsonAsync("/api/v1/accounts/me/deactivate", new { password = ann.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deactivate.StatusCode);
        }

        using var toDeactivated = await Api.As(owner).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/owner", new { userId = ann.Id });
        using var ownerLeaves = await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{owner.Id}");

        Assert.Equal(HttpStatusCode.NotFound, toDeactivated.StatusCode);
        Assert.Equal("chat.member_not_found", (await Problem.ReadAsync(toDeactivated)).Code);
        Assert.Equal(HttpStatusCode.NoContent, ownerLeaves.StatusCode);
        var view = await Api.As(bob).GetFromJsonAsync<JsonElement>($"/api/v1/chat/rooms/{room.Id}");
        Assert.Equal(bob.Id, view.GetProperty("ownerId").GetGuid()); // the admin's account is deactivated: the active member takes it
    }

    private async Task<string> CreateAsync(TestUser actor, Guid roomId)
    {
        using var response = await Api.As(actor).PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/invites", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private async Task<List<JsonElement>> ListAsync(TestUser actor, Guid roomId) =>
        (await Api.As(actor).GetFromJsonAsync<JsonElement>($"/api/v1/chat/rooms/{roomId}/invites")).EnumerateArray().ToList();

    private Task<HttpResponseMessage> JoinAsync(TestUser user, string code) => Api.As(user).PostAsync($"/api/v1/chat/invites/{code}/join", null);
}
