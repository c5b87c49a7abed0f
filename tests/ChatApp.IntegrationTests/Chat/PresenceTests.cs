using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

public sealed record PresenceDto(Guid UserId, bool Online, DateTime? LastSeenAt);

public sealed class PresenceTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task People_who_share_a_room_see_me_come_online_once_and_go_offline_with_my_last_seen()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);
        var annsTablet = await Api.LoginAsync(ann.Email, deviceName: "tablet");

        var phone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var online = await bobsPhone.NextAsync("PresenceChanged");
        Assert.Equal((ann.Id, true), (online.GetProperty("userId").GetGuid(), online.GetProperty("online").GetBoolean()));
        var tablet = await HubClient.ConnectAsync(Factory, annsTablet.AccessToken); // a second device: no new event
        await tablet.Connection.InvokeAsync("Typing", room.Id); // runs only after the server has registered the connection
        Assert.True((await PresenceAsync(bob, ann.Id)).Online);

        await phone.DisposeAsync();
        Assert.True((await PresenceAsync(bob, ann.Id)).Online); // still on the tablet
        await tablet.DisposeAsync();

        var offline = await bobsPhone.NextAsync("PresenceChanged");
        Assert.False(offline.GetProperty("online").GetBoolean());
        Assert.Empty(bobsPhone.Drain("PresenceChanged")); // exactly one online and one offline
        var state = await PresenceAsync(bob, ann.Id);
        Assert.False(state.Online);
        Assert.NotNull(state.LastSeenAt);
        Assert.Equal(offline.GetProperty("lastSeenAt").GetDateTime(), state.LastSeenAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Presence_is_visible_only_to_people_who_share_a_room()
    {
        var (ann, _, _) = await Chat.NewDirectRoomAsync();
        var stranger = await Api.NewUserAsync();
        await using var strangersPhone = await HubClient.ConnectAsync(Factory, stranger.Tokens.AccessToken);

        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var asked = await Api.As(stranger).GetFromJsonAsync<List<PresenceDto>>($"/api/v1/chat/presence?userIds={ann.Id}");
        var missing = await Api.As(stranger).GetAsync("/api/v1/chat/presence");

        Assert.Empty(asked!);
        Assert.Equal(["userIds"], (await Problem.ReadAsync(missing)).Errors.Keys);
        await Chat.OpenDirectAsync(stranger, ann.Id); // now they share a room
        Assert.True((await PresenceAsync(stranger, ann.Id)).Online);
        Assert.Empty(strangersPhone.Drain("PresenceChanged"));
    }

    [Fact]
    public async Task Presence_of_500_people_is_one_POST_and_501_is_a_400_naming_userIds()
    {
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var carol = await Api.NewUserAsync();
        var stranger = await Api.NewUserAsync();
        await Chat.CreateGroupAsync(ann, "Friends", bob.Id, carol.Id);
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);
        await bobsPhone.Connection.InvokeAsync("Typing", Guid.NewGuid()).ContinueWith(_ => { }); // registered once a call returned
        var ids = Enumerable.Range(0, 496).Select(_ => Guid.NewGuid()).Concat([bob.Id, carol.Id, stranger.Id, ann.Id]).ToList();

        using var many = await Api.As(ann).PostAsJsonAsync("/api/v1/chat/presence", new { userIds = ids });
        using var tooMany = await Api.As(ann).PostAsJsonAsync("/api/v1/chat/presence", new { userIds = ids.Append(Guid.NewGuid()) });
        using var none = await Api.As(ann).PostAsJsonAsync("/api/v1/chat/presence", new { userIds = Array.Empty<Guid>() });

        Assert.Equal(HttpStatusCode.OK, many.StatusCode);
        var states = (await many.Content.ReadFromJsonAsync<List<PresenceDto>>())!;
        Assert.Equal(new[] { bob.Id, carol.Id }.Order(), states.Select(s => s.UserId)); // not the stranger, not me, not unknown ids
        Assert.True(states.Single(s => s.UserId == bob.Id).Online);
        Assert.False(states.Single(s => s.UserId == carol.Id).Online);
        Assert.Equal(["userIds"], (await Problem.ReadAsync(tooMany)).Errors.Keys);
        Assert.Equal(["userIds"], (await Problem.ReadAsync(none)).Errors.Keys);
    }

    private async Task<PresenceDto> PresenceAsync(TestUser asker, Guid userId) =>
        (await Api.As(asker).GetFromJsonAsync<List<PresenceDto>>($"/api/v1/chat/presence?userIds={userId}"))!.Single();
}
