using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Storage;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Media;

public sealed class AvatarTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task My_avatar_shows_on_my_profiles_and_replacing_it_deletes_the_old_objects()
    {
        var me = await Api.NewUserAsync();
        var other = await Api.NewUserAsync();
        var first = await Media.UploadAsync(me, TestImages.Solid(600, 600, SKColors.Red), "avatar");
        var second = await Media.UploadAsync(me, TestImages.Solid(600, 600, SKColors.Blue), "avatar");

        using (var set = await Api.As(me).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = first.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var profile = await ProfileAvatarAsync(me, "/api/v1/accounts/me");
        Assert.Equal(first.Variant("avatar-512").Url, profile?.GetProperty("url").GetString());
        Assert.Equal(first.Variant("avatar-128").Url, profile?.GetProperty("smallUrl").GetString());
        var seenByOther = await ProfileAvatarAsync(other, $"/api/v1/users/{me.Id}");
        Assert.Equal(first.Variant("avatar-128").Url, seenByOther?.GetProperty("smallUrl").GetString());

        using (var replace = await Api.As(me).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = second.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        }

        Assert.Equal(second.Variant("avatar-512").Url, (await ProfileAvatarAsync(me, "/api/v1/accounts/me"))?.GetProperty("url").GetString());
        // The previous avatar's objects go away (outbox event -> Media releases it -> clean-up job deletes it).
        await Eventually.Async(async () =>
        {
            using var gone = await Media.FetchAsync(first.Variant("avatar-512").Url);
            return gone.StatusCode == HttpStatusCode.NotFound;
        });
        using (var kept = await Media.FetchAsync(second.Variant("avatar-512").Url))
        {
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        }

        using (var remove = await Api.As(me).DeleteAsync("/api/v1/accounts/me/avatar"))
        {
            Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        }

        Assert.Null(await ProfileAvatarAsync(me, "/api/v1/accounts/me"));
        await Eventually.Async(async () =>
        {
            using var gone = await Media.FetchAsync(second.Variant("avatar-128").Url);
            return gone.StatusCode == HttpStatusCode.NotFound;
        });
    }

    [Fact]
    public async Task Only_my_own_avatar_uploads_can_become_my_avatar()
    {
        var me = await Api.NewUserAsync();
        var other = await Api.NewUserAsync();
        var theirs = await Media.UploadAsync(other, TestImages.Solid(200, 200, SKColors.Red), "avatar");
        var chatPicture = await Media.UploadAsync(me, TestImages.Solid(200, 200, SKColors.Red), "chat");

        foreach (var mediaId in new[] { theirs.Id, chatPicture.Id, Guid.NewGuid() })
        {
            using var response = await Api.As(me).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await Problem.ReadAsync(response);
            Assert.Equal("accounts.avatar_not_found", problem.Code);
            Assert.Contains("mediaId", problem.Errors.Keys);
        }

        Assert.Null(await ProfileAvatarAsync(me, "/api/v1/accounts/me"));
        // The other user's avatar upload was not touched.
        Assert.True(await Factory.Services.GetRequiredService<IObjectStorage>().ExistsAsync(
            theirs.Variant("avatar-512").Url.Replace("/media/files/", "", StringComparison.Ordinal), CancellationToken.None));
    }

    [Fact]
    public async Task Room_members_show_their_avatars()
    {
        var me = await Api.NewUserAsync();
        var friend = await Api.NewUserAsync();
        var avatar = await Media.UploadAsync(friend, TestImages.Solid(200, 200, SKColors.Green), "avatar");
        using (var set = await Api.As(friend).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = avatar.Id }))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        var roomId = (await Chat.CreateGroupAsync(me, "friends", friend.Id)).Id;
        using var room = await Api.As(me).GetAsync($"/api/v1/chat/rooms/{roomId}");
        using var json = JsonDocument.Parse(await room.Content.ReadAsStringAsync());
        var member = json.RootElement.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == friend.Id);
        Assert.Equal(avatar.Variant("avatar-128").Url, member.GetProperty("avatarUrl").GetString());
    }

    private async Task<JsonElement?> ProfileAvatarAsync(TestUser user, string path)
    {
        using var response = await Api.As(user).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var avatar = json.RootElement.GetProperty("avatar");
        return avatar.ValueKind == JsonValueKind.Null ? null : avatar.Clone();
    }
}
