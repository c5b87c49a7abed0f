using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed class MembershipTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_owner_adds_people_who_join_with_nothing_unread_and_everyone_hears_it()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var newcomer = await Api.NewUserAsync("New");
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id);
        await Chat.SendAsync(ann, room.Id, "before you came");
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        await using var newcomersPhone = await HubClient.ConnectAsync(Factory, newcomer.Tokens.AccessToken);

        var response = await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { newcomer.Id, ann.Id } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = (await response.Content.ReadFromJsonAsync<RoomDto>())!;
        Assert.Equal(3, updated.MemberCount);
        foreach (var phone in new[] { annsPhone, newcomersPhone })
        {
            var joined = await phone.NextAsync("MembershipChanged");
            Assert.Equal(("member.joined", newcomer.Id, updated.LastSeq), (joined.GetProperty("kind").GetString(), joined.GetProperty("userId").GetGuid(), joined.GetProperty("seq").GetInt64()));
        }

        var newcomersView = (await Chat.RoomsAsync(newcomer)).Single();
        Assert.Equal((0, updated.LastSeq), (newcomersView.UnreadCount, newcomersView.ReadSeq));
        Assert.Single((await Chat.HistoryAsync(newcomer, room.Id)).Messages);
        Assert.Equal(HttpStatusCode.Created, (await Chat.PostMessageAsync(newcomer, room.Id, "hi all")).StatusCode);
    }

    [Fact]
    public async Task A_removed_member_loses_access_at_once_and_hears_nothing_more()
    {
        var owner = await Api.NewUserAsync();
        var ann = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id);
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var otherRoom = await Chat.OpenDirectAsync(owner, ann.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}")).StatusCode);

        var left = await annsPhone.NextAsync("MembershipChanged");
        Assert.Equal(("member.left", ann.Id), (left.GetProperty("kind").GetString(), left.GetProperty("userId").GetGuid()));
        await Chat.SendAsync(owner, room.Id, "after ann left");
        var marker = await Chat.SendAsync(owner, otherRoom.Id, "marker");
        Assert.Equal(marker.Id, (await annsPhone.NextAsync(HubClient.MessageCreated)).GetProperty("id").GetGuid()); // not the group message
        Assert.Equal(HttpStatusCode.NotFound, (await Api.As(ann).GetAsync($"/api/v1/chat/rooms/{room.Id}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Chat.PostMessageAsync(ann, room.Id, "let me back")).StatusCode);
        var sync = await (await Api.As(ann).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [room.Id] = 1 } }))
            .Content.ReadFromJsonAsync<SyncDto>();
        Assert.Contains(room.Id, sync!.RemovedRoomIds);
    }

    [Fact]
    public async Task When_the_owner_leaves_the_longest_standing_member_becomes_owner()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id);
        await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { bob.Id } });

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{owner.Id}")).StatusCode);

        var view = await Api.As(bob).GetFromJsonAsync<RoomDto>($"/api/v1/chat/rooms/{room.Id}");
        Assert.Equal(ann.Id, view!.OwnerId);
        Assert.Equal([("Ann", "owner"), ("Bob", "member")], view.Members!.Select(m => (m.DisplayName, m.Role)));
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{bob.Id}")).StatusCode);
    }

    [Fact]
    public async Task Membership_refusals()
    {
        var owner = await Api.NewUserAsync();
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var outsider = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id, bob.Id);
        var direct = await Chat.OpenDirectAsync(owner, ann.Id);

        var notOwnerAdds = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { outsider.Id } });
        var notOwnerRemoves = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{bob.Id}");
        var unknownUser = await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { Guid.NewGuid() } });
        var noUsers = await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = Array.Empty<Guid>() });
        var notMember = await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{outsider.Id}");
        var toDirect = await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{direct.Id}/members", new { userIds = new[] { outsider.Id } });
        var outsiderLooks = await Api.As(outsider).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { outsider.Id } });

        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(notOwnerAdds)).Code);
        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(notOwnerRemoves)).Code);
        Assert.Equal(["userIds"], (await Problem.ReadAsync(unknownUser)).Errors.Keys);
        Assert.Equal(["userIds"], (await Problem.ReadAsync(noUsers)).Errors.Keys);
        Assert.Equal("chat.member_not_found", (await Problem.ReadAsync(notMember)).Code);
        Assert.Equal("chat.not_a_group", (await Problem.ReadAsync(toDirect)).Code);
        Assert.Equal("chat.room_not_found", (await Problem.ReadAsync(outsiderLooks)).Code);
        Assert.Equal(3, (await Chat.RoomsAsync(owner)).Single(r => r.Id == room.Id).MemberCount);
    }
}
