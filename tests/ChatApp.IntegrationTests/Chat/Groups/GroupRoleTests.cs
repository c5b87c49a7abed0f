using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Chat.Groups;

public sealed class GroupRoleTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_owner_makes_admins_who_add_and_remove_members_but_never_the_owner_or_other_admins()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("김민준");
        var bob = await Api.NewUserAsync("Bob");
        var carl = await Api.NewUserAsync("Carl");
        var dave = await Api.NewUserAsync("Dave");
        var room = await Chat.CreateGroupAsync(owner, "팀", ann.Id, bob.Id, carl.Id);
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);

        using var promote = await SetRoleAsync(owner, room.Id, ann.Id, "admin");

        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        var promoted = await bobsPhone.NextAsync("RoomChanged");
        Assert.Equal(("member.role_changed", ann.Id, "admin"), (promoted.GetProperty("kind").GetString(), promoted.GetProperty("userId").GetGuid(), promoted.GetProperty("role").GetString()));
        var view = await RoomAsync(owner, room.Id);
        Assert.Equal([("Owner", "owner"), ("김민준", "admin"), ("Bob", "member"), ("Carl", "member")], Members(view));

        using var adminAdds = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { dave.Id } });
        using var adminRemoves = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{bob.Id}");
        using var adminRemovesOwner = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{owner.Id}");
        using var makeCarlAdmin = await SetRoleAsync(owner, room.Id, carl.Id, "admin");
        using var adminRemovesAdmin = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{carl.Id}");
        using var memberAdds = await Api.As(dave).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { bob.Id } });
        using var memberRemoves = await Api.As(dave).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{carl.Id}");
        using var adminSetsRole = await SetRoleAsync(ann, room.Id, dave.Id, "admin");
        using var ownersOwnRole = await SetRoleAsync(owner, room.Id, owner.Id, "member");
        using var unknownRole = await SetRoleAsync(owner, room.Id, dave.Id, "boss");
        using var ownerAsRole = await SetRoleAsync(owner, room.Id, dave.Id, "owner");
        using var notMember = await SetRoleAsync(owner, room.Id, bob.Id, "admin");

        Assert.Equal(HttpStatusCode.OK, adminAdds.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, adminRemoves.StatusCode);
        var added = await bobsPhone.NextAsync("MembershipChanged");
        Assert.Equal(("member.joined", dave.Id, ann.Id), (added.GetProperty("kind").GetString(), added.GetProperty("userId").GetGuid(), added.GetProperty("byUserId").GetGuid()));
        var removed = await bobsPhone.NextAsync("MembershipChanged");
        Assert.Equal(("member.left", bob.Id, ann.Id), (removed.GetProperty("kind").GetString(), removed.GetProperty("userId").GetGuid(), removed.GetProperty("byUserId").GetGuid()));
        Assert.Equal("chat.cannot_remove_admin", (await Problem.ReadAsync(adminRemovesOwner)).Code);
        Assert.Equal(HttpStatusCode.OK, makeCarlAdmin.StatusCode);
        Assert.Equal("chat.cannot_remove_admin", (await Problem.ReadAsync(adminRemovesAdmin)).Code);
        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(memberAdds)).Code);
        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(memberRemoves)).Code);
        Assert.Equal("chat.not_room_owner", (await Problem.ReadAsync(adminSetsRole)).Code);
        Assert.Equal("chat.owner_role_fixed", (await Problem.ReadAsync(ownersOwnRole)).Code);
        Assert.Equal(["role"], (await Problem.ReadAsync(unknownRole)).Errors.Keys);
        Assert.Equal(["role"], (await Problem.ReadAsync(ownerAsRole)).Errors.Keys);
        Assert.Equal("chat.member_not_found", (await Problem.ReadAsync(notMember)).Code);
        Assert.Equal(
            [("Owner", "owner"), ("김민준", "admin"), ("Carl", "admin"), ("Dave", "member")],
            Members(await RoomAsync(dave, room.Id)));

        // Everything above is in the room's sequence: a device catching up sees who did what.
        var events = await EventsAsync(owner, room.Id, after: room.LastSeq);
        Assert.Equal(
            [("member.role_changed", ann.Id, (Guid?)null, "admin"), ("member.joined", dave.Id, ann.Id, null), ("member.left", bob.Id, ann.Id, null), ("member.role_changed", carl.Id, null, "admin")],
            events.Select(e => (e.Kind, e.UserId, e.ByUserId, e.Role)));
    }

    [Fact]
    public async Task Admins_rename_the_room_and_set_its_topic_and_picture_as_room_events_seen_live_and_in_sync()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id, bob.Id);
        (await SetRoleAsync(owner, room.Id, ann.Id, "admin")).Dispose();
        var first = await Media.UploadAsync(ann, TestImages.Solid(400, 400, SKColors.Red), "avatar");
        var second = await Media.UploadAsync(ann, TestImages.Solid(400, 400, SKColors.Blue), "avatar");
        var notAvatar = await Media.UploadAsync(ann, TestImages.Solid(400, 400, SKColors.Green), "chat");
        var bobsAvatar = await Media.UploadAsync(bob, TestImages.Solid(400, 400, SKColors.Green), "avatar");
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);
        var before = (await RoomAsync(bob, room.Id)).GetProperty("lastSeq").GetInt64();

        using var rename = await Api.As(ann).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { name = "판교역 모임", topic = "Café à 7시" });
        using var picture = await Api.As(ann).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/picture", new { mediaId = first.Id });

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        var live = new[] { await bobsPhone.NextAsync("RoomChanged"), await bobsPhone.NextAsync("RoomChanged"), await bobsPhone.NextAsync("RoomChanged") };
        Assert.Equal(
            [("room.renamed", before + 1), ("room.topic_changed", before + 2), ("room.picture_changed", before + 3)],
            live.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("seq").GetInt64())));
        Assert.All(live, e => Assert.Equal(ann.Id, e.GetProperty("userId").GetGuid()));
        var bobsView = await RoomAsync(bob, room.Id);
        Assert.Equal(("판교역 모임", "Café à 7시"), (bobsView.GetProperty("name").GetString(), bobsView.GetProperty("topic").GetString()));
        Assert.Equal(first.Variant("avatar-512").Url, bobsView.GetProperty("picture").GetProperty("url").GetString());
        var listed = (await Api.As(bob).GetFromJsonAsync<JsonElement>("/api/v1/chat/rooms")).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == room.Id);
        Assert.Equal(first.Variant("avatar-128").Url, listed.GetProperty("picture").GetProperty("smallUrl").GetString());
        Assert.Equal("Café à 7시", listed.GetProperty("topic").GetString());
        Assert.Equal(
            ["room.renamed", "room.topic_changed", "room.picture_changed"],
            (await EventsAsync(bob, room.Id, before)).Select(e => e.Kind));

        // Media keeps the picture in use, and releases it when it is replaced.
        await Eventually.Async(() => HoldersAsync(first.Id, $"room:{room.Id:N}"));
        (await Api.As(ann).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/picture", new { mediaId = second.Id })).Dispose();
        await Eventually.Async(async () =>
        {
            using var gone = await Media.FetchAsync(first.Variant("avatar-512").Url);
            return gone.StatusCode == HttpStatusCode.NotFound;
        });
        await Eventually.Async(() => HoldersAsync(second.Id, $"room:{room.Id:N}"));

        using var memberRenames = await Api.As(bob).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { name = "mine" });
        using var othersPicture = await Api.As(ann).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/picture", new { mediaId = bobsAvatar.Id });
        using var chatPicture = await Api.As(ann).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/picture", new { mediaId = notAvatar.Id });
        using var blankName = await Api.As(ann).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { name = "  " });
        using var nothing = await Api.As(ann).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { });
        using var longTopic = await Api.As(ann).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { topic = new string('가', 251) });
        using var memberRemovesPicture = await Api.As(bob).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/picture");

        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(memberRenames)).Code);
        Assert.Equal("chat.invalid_room_picture", (await Problem.ReadAsync(othersPicture)).Code);
        Assert.Equal("chat.invalid_room_picture", (await Problem.ReadAsync(chatPicture)).Code);
        Assert.Equal(["name"], (await Problem.ReadAsync(blankName)).Errors.Keys);
        Assert.Equal(["name"], (await Problem.ReadAsync(nothing)).Errors.Keys);
        Assert.Equal(["topic"], (await Problem.ReadAsync(longTopic)).Errors.Keys);
        Assert.Equal("chat.not_room_admin", (await Problem.ReadAsync(memberRemovesPicture)).Code);

        using var clearTopic = await Api.As(owner).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { topic = "" });
        using var removePicture = await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/picture");
        Assert.Equal(HttpStatusCode.NoContent, removePicture.StatusCode);
        var cleared = await RoomAsync(bob, room.Id);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("topic").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("picture").ValueKind);
        await Eventually.Async(async () =>
        {
            using var gone = await Media.FetchAsync(second.Variant("avatar-512").Url);
            return gone.StatusCode == HttpStatusCode.NotFound;
        });
    }

    [Fact]
    public async Task The_owner_hands_the_room_on_and_a_leaving_owner_passes_it_to_the_longest_standing_admin_else_member()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var carl = await Api.NewUserAsync("Carl");
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id, bob.Id);
        (await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { carl.Id } })).Dispose();
        (await SetRoleAsync(owner, room.Id, carl.Id, "admin")).Dispose();
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);

        using var ownerLeaves = await Api.As(owner).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{owner.Id}");

        Assert.Equal(HttpStatusCode.NoContent, ownerLeaves.StatusCode);
        var handedOn = await annsPhone.NextAsync("RoomChanged");
        Assert.Equal((carl.Id, "owner"), (handedOn.GetProperty("userId").GetGuid(), handedOn.GetProperty("role").GetString()));
        var view = await RoomAsync(ann, room.Id);
        Assert.Equal(carl.Id, view.GetProperty("ownerId").GetGuid());
        Assert.Equal([("Carl", "owner"), ("Ann", "member"), ("Bob", "member")], Members(view));

        using var notOwnerTransfers = await Api.As(ann).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/owner", new { userId = bob.Id });
        using var toOutsider = await Api.As(carl).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/owner", new { userId = owner.Id });
        using var transfer = await Api.As(carl).PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/owner", new { userId = bob.Id });

        Assert.Equal("chat.not_room_owner", (await Problem.ReadAsync(notOwnerTransfers)).Code);
        Assert.Equal("chat.member_not_found", (await Problem.ReadAsync(toOutsider)).Code);
        Assert.Equal(HttpStatusCode.OK, transfer.StatusCode);
        var transferred = await transfer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(bob.Id, transferred.GetProperty("ownerId").GetGuid());
        Assert.Equal([("Bob", "owner"), ("Carl", "admin"), ("Ann", "member")], Members(transferred));

        // With no admin left, the longest-standing member takes over.
        (await SetRoleAsync(bob, room.Id, carl.Id, "member")).Dispose();
        (await Api.As(bob).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/members/{bob.Id}")).Dispose();
        Assert.Equal(ann.Id, (await RoomAsync(carl, room.Id)).GetProperty("ownerId").GetGuid());
    }

    [Fact]
    public async Task When_the_owner_deletes_the_account_the_longest_standing_admin_takes_the_room()
    {
        var owner = await Api.NewUserAsync("Owner");
        var ann = await Api.NewUserAsync("Ann");
        var carl = await Api.NewUserAsync("Carl");
        var room = await Chat.CreateGroupAsync(owner, "team", ann.Id);
        (await Api.As(owner).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members", new { userIds = new[] { carl.Id } })).Dispose();
        (await SetRoleAsync(owner, room.Id, carl.Id, "admin")).Dispose();
        var before = (await RoomAsync(ann, room.Id)).GetProperty("lastSeq").GetInt64();

        using var deleted = await Api.As(owner).SendAsync(
            new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(new { password = owner.Password }) });

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await Eventually.Async(async () => (await RoomAsync(ann, room.Id)).GetProperty("ownerId").ValueKind != JsonValueKind.Null
                                           && (await RoomAsync(ann, room.Id)).GetProperty("ownerId").GetGuid() == carl.Id, because: "ownership handed on");
        Assert.Equal([("Carl", "owner"), ("Ann", "member")], Members(await RoomAsync(ann, room.Id)));
        var events = await EventsAsync(ann, room.Id, before);
        Assert.Equal(
            [("member.left", owner.Id, (string?)null), ("member.role_changed", carl.Id, "owner")],
            events.Select(e => (e.Kind, e.UserId, e.Role)));
    }

    private Task<HttpResponseMessage> SetRoleAsync(TestUser actor, Guid roomId, Guid memberId, string role) =>
        Api.As(actor).PutAsJsonAsync($"/api/v1/chat/rooms/{roomId}/members/{memberId}/role", new { role });

    private async Task<JsonElement> RoomAsync(TestUser me, Guid roomId) => await Api.As(me).GetFromJsonAsync<JsonElement>($"/api/v1/chat/rooms/{roomId}");

    private static List<(string?, string?)> Members(JsonElement room) =>
        room.GetProperty("members").EnumerateArray().Select(m => (m.GetProperty("displayName").GetString(), m.GetProperty("role").GetString())).ToList();

    private async Task<IReadOnlyList<RoomEventView>> EventsAsync(TestUser me, Guid roomId, long after)
    {
        using var response = await Api.As(me).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [roomId] = after } });
        var sync = await response.Content.ReadFromJsonAsync<JsonElement>();
        return sync.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("roomId").GetGuid() == roomId).GetProperty("events").EnumerateArray()
            .Select(e => new RoomEventView(
                e.GetProperty("kind").GetString()!, e.GetProperty("userId").GetGuid(),
                e.GetProperty("byUserId").ValueKind == JsonValueKind.Null ? null : e.GetProperty("byUserId").GetGuid(),
                e.GetProperty("role").GetString()))
            .ToList();
    }

    private async Task<bool> HoldersAsync(Guid mediaId, string holder)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
        return await db.Uses.AnyAsync(u => u.MediaId == mediaId && u.Holder == holder);
    }

    private sealed record RoomEventView(string Kind, Guid UserId, Guid? ByUserId, string? Role);
}
