using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed class RoomTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Opening_a_direct_room_creates_it_once_for_the_pair()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");

        var first = await Api.As(ann).PutAsync($"/api/v1/chat/direct/{bob.Id}", null);
        var again = await Api.As(ann).PutAsync($"/api/v1/chat/direct/{bob.Id}", null);
        var fromBob = await Chat.OpenDirectAsync(bob, ann.Id);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var room = (await first.Content.ReadFromJsonAsync<RoomDto>())!;
        Assert.Equal(room.Id, (await again.Content.ReadFromJsonAsync<RoomDto>())!.Id);
        Assert.Equal(room.Id, fromBob.Id);
        Assert.Equal("direct", room.Kind);
        Assert.Equal("Bob", room.Name);
        Assert.Equal(bob.Id, room.DirectUserId);
        Assert.Equal("Ann", fromBob.Name);
        Assert.Equal(2, room.MemberCount);
    }

    [Fact]
    public async Task Concurrent_opens_of_one_pair_yield_one_room()
    {
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();

        var rooms = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0 ? Chat.OpenDirectAsync(ann, bob.Id) : Chat.OpenDirectAsync(bob, ann.Id)));

        Assert.Single(rooms.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task A_direct_room_needs_another_existing_user()
    {
        var ann = await Api.NewUserAsync();

        var self = await Api.As(ann).PutAsync($"/api/v1/chat/direct/{ann.Id}", null);
        var unknown = await Api.As(ann).PutAsync($"/api/v1/chat/direct/{Guid.NewGuid()}", null);

        Assert.Equal(["userId"], (await Problem.ReadAsync(self)).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("chat.user_not_found", (await Problem.ReadAsync(unknown)).Code);
    }

    [Fact]
    public async Task A_group_room_has_its_owner_and_members_and_is_hidden_from_others()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var outsider = await Api.NewUserAsync("Outsider");

        var room = await Chat.CreateGroupAsync(owner, "  Hiking  ", ann.Id, ann.Id, owner.Id);

        Assert.Equal("group", room.Kind);
        Assert.Equal("Hiking", room.Name);
        Assert.Equal(owner.Id, room.OwnerId);
        Assert.Equal(2, room.MemberCount);
        Assert.Equal([("Owner", "owner"), ("Ann", "member")], room.Members!.Select(m => (m.DisplayName, m.Role)));
        Assert.Equal(HttpStatusCode.OK, (await Api.As(ann).GetAsync($"/api/v1/chat/rooms/{room.Id}")).StatusCode);
        var hidden = await Api.As(outsider).GetAsync($"/api/v1/chat/rooms/{room.Id}");
        var missing = await Api.As(outsider).GetAsync($"/api/v1/chat/rooms/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var (hiddenProblem, missingProblem) = (await Problem.ReadAsync(hidden), await Problem.ReadAsync(missing));
        Assert.Equal((missingProblem.Status, missingProblem.Code, missingProblem.Detail), (hiddenProblem.Status, hiddenProblem.Code, hiddenProblem.Detail));
        Assert.DoesNotContain(await Chat.RoomsAsync(outsider), r => r.Id == room.Id);
    }

    [Fact]
    public async Task Group_rooms_refuse_unknown_members_a_blank_name_and_too_many_members()
    {
        var owner = await Api.NewUserAsync();
        var client = Api.As(owner);

        var unknown = await client.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "x", memberIds = new[] { Guid.NewGuid() } });
        var blank = await client.PostAsJsonAsync("/api/v1/chat/rooms", new { name = " ", memberIds = Array.Empty<Guid>() });
        var crowded = await client.PostAsJsonAsync("/api/v1/chat/rooms",
            new { name = "x", memberIds = Enumerable.Range(0, 500).Select(_ => Guid.NewGuid()).ToArray() });

        Assert.Equal(["memberIds"], (await Problem.ReadAsync(unknown)).Errors.Keys);
        Assert.Equal(["name"], (await Problem.ReadAsync(blank)).Errors.Keys);
        Assert.Equal(["memberIds"], (await Problem.ReadAsync(crowded)).Errors.Keys);
    }

    [Fact]
    public async Task My_rooms_are_sorted_by_last_activity_with_the_last_message_and_unread_count()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var cid = await Api.NewUserAsync("Cid");
        var withBob = await Chat.OpenDirectAsync(ann, bob.Id);
        var withCid = await Chat.OpenDirectAsync(ann, cid.Id);
        await Chat.SendAsync(cid, withCid.Id, "hello from cid");
        await Chat.SendAsync(bob, withBob.Id, "one");
        await Chat.SendAsync(bob, withBob.Id, "two");

        var rooms = await Chat.RoomsAsync(ann);

        Assert.Equal([withBob.Id, withCid.Id], rooms.Select(r => r.Id));
        Assert.Equal("two", rooms[0].LastMessage!.Text);
        Assert.Equal(2, rooms[0].UnreadCount);
        Assert.Equal(1, rooms[1].UnreadCount);
        Assert.Null(rooms[0].Members);
        Assert.Equal(0, (await Chat.RoomsAsync(bob)).Single(r => r.Id == withBob.Id).UnreadCount);
    }
}
