using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Accounts;

public sealed class DeactivationTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string Deactivate = "/api/v1/accounts/me/deactivate";

    [Fact]
    public async Task Deactivating_signs_out_every_device_and_hides_the_profile_until_the_owner_signs_in_again()
    {
        var user = await Api.NewUserAsync("Dana");
        var otherDevice = await Api.LoginAsync(user.Email, deviceName: "tablet");
        var viewer = await Api.NewUserAsync();

        using (var response = await Api.As(user).PostAsJsonAsync(Deactivate, new { password = user.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(user).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(otherDevice.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(user.Tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(otherDevice.RefreshToken)).StatusCode);
        var hidden = await Problem.ReadAsync(await Api.As(viewer).GetAsync($"/api/v1/users/{user.Id}"));
        Assert.Equal(404, hidden.Status);

        // Signing in again reactivates: the profile is back, and only the new session exists.
        var back = await Api.LoginAsync(user.Email, user.Password, "phone");
        var profile = await Api.As(viewer).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/users/{user.Id}");
        Assert.Equal("Dana", profile.GetProperty("displayName").GetString());
        var sessions = await Api.As(back.AccessToken).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/accounts/sessions");
        Assert.Equal(["phone"], sessions.EnumerateArray().Select(s => s.GetProperty("deviceName").GetString()));
    }

    [Fact]
    public async Task A_wrong_or_missing_password_is_a_400_on_the_password_and_changes_nothing()
    {
        var user = await Api.NewUserAsync();
        var viewer = await Api.NewUserAsync();

        var wrong = await Problem.ReadAsync(await Api.As(user).PostAsJsonAsync(Deactivate, new { password = "Not-The-Passw0rd" }));
        var missing = await Problem.ReadAsync(await Api.As(user).PostAsJsonAsync(Deactivate, new { password = "" }));

        Assert.Equal(400, wrong.Status);
        Assert.Equal(["password"], wrong.Errors.Keys);
        Assert.Equal(400, missing.Status);
        Assert.Equal(["password"], missing.Errors.Keys);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(user).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(viewer).GetAsync($"/api/v1/users/{user.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().PostAsJsonAsync(Deactivate, new { password = user.Password })).StatusCode);
    }

    [Fact]
    public async Task Nobody_starts_a_room_with_a_deactivated_account_but_its_name_still_labels_existing_rooms()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var carol = await Api.NewUserAsync("Carol");
        var group = await Chat.CreateGroupAsync(ann, "Trip", carol.Id);
        using (var response = await Api.As(bob).PostAsJsonAsync(Deactivate, new { password = bob.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        Assert.Equal(404, (await Problem.ReadAsync(await Api.As(carol).PutAsync($"/api/v1/chat/direct/{bob.Id}", null))).Status);
        var create = await Problem.ReadAsync(await Api.As(ann).PostAsJsonAsync("/api/v1/chat/rooms", new { name = "Party", memberIds = new[] { bob.Id } }));
        Assert.Equal(400, create.Status);
        Assert.Equal(["memberIds"], create.Errors.Keys);
        var add = await Problem.ReadAsync(await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{group.Id}/members", new { userIds = new[] { bob.Id } }));
        Assert.Equal(400, add.Status);
        Assert.Equal(["userIds"], add.Errors.Keys);

        var direct = (await Chat.RoomsAsync(ann)).Single(r => r.Id == room.Id);
        Assert.Equal("Bob", direct.Name);
        Assert.True(await MemberDeactivatedAsync(ann, room.Id, bob.Id));
        Assert.False(await MemberDeactivatedAsync(ann, room.Id, ann.Id));

        // Back after signing in: rooms can include Bob again.
        await Api.LoginAsync(bob.Email, bob.Password);
        Assert.False(await MemberDeactivatedAsync(ann, room.Id, bob.Id));
        using var added = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{group.Id}/members", new { userIds = new[] { bob.Id } });
        Assert.True(added.IsSuccessStatusCode, $"{added.StatusCode}: {await added.Content.ReadAsStringAsync()}");
    }

    private async Task<bool> MemberDeactivatedAsync(TestUser viewer, Guid roomId, Guid memberId)
    {
        var room = await Api.As(viewer).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/chat/rooms/{roomId}");
        var member = room.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == memberId);
        Assert.Equal(memberId == viewer.Id ? "Ann" : "Bob", member.GetProperty("displayName").GetString());
        return member.GetProperty("deactivated").GetBoolean();
    }
}
