using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat.Groups;

/// <summary>Group roles and invite links on the zero-install default (SQLite files, no Redis).</summary>
public sealed class EmbeddedGroupTests(EmbeddedChatAppFactory factory) : IntegrationTest<EmbeddedChatAppFactory>(factory)
{
    [Fact]
    public async Task Roles_room_changes_and_invite_links_work_on_the_embedded_default()
    {
        var owner = await Api.NewUserAsync("Owner");
        var admin = await Api.NewUserAsync("이서연");
        var room = await Chat.CreateGroupAsync(owner, "team", admin.Id);
        (await Api.As(owner).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members/{admin.Id}/role", new { role = "admin" })).Dispose();
        using (var renamed = await Api.As(admin).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { name = "판교역 모임", topic = "Crème brûlée" }))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        using var created = await Api.As(admin).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/invites", new { maxUses = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
        var preview = await Api.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/chat/invites/{code}");
        Assert.Equal(("판교역 모임", "Crème brûlée", 2), (
            preview.GetProperty("room").GetProperty("name").GetString(), preview.GetProperty("room").GetProperty("topic").GetString(),
            preview.GetProperty("room").GetProperty("memberCount").GetInt32()));

        var joiners = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Api.NewUserAsync($"Joiner {i}")));
        var joins = await Task.WhenAll(joiners.Select(j => Api.As(j).PostAsync($"/api/v1/chat/invites/{code}/join", null)));

        Assert.Equal(3, joins.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(joins.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var view = await Api.As(owner).GetFromJsonAsync<JsonElement>($"/api/v1/chat/rooms/{room.Id}");
        Assert.Equal(5, view.GetProperty("memberCount").GetInt32());
        Assert.Equal(["owner", "admin", "member", "member", "member"], view.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("role").GetString()));

        using var png = await Api.Anonymous().GetAsync($"/api/v1/chat/invites/{code}/qr.png");
        Assert.Equal(HttpStatusCode.Conflict, png.StatusCode); // used up: no code for a link that cannot be used
    }
}
