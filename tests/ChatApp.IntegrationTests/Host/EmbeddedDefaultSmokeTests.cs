using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Host;

/// <summary>The zero-install mode (SQLite files, in-memory Hangfire, no Redis) keeps working end to end.</summary>
public sealed class EmbeddedDefaultSmokeTests(EmbeddedChatAppFactory factory) : IntegrationTest<EmbeddedChatAppFactory>(factory)
{
    [Fact]
    public async Task Register_login_refresh_and_me_work_on_the_embedded_default()
    {
        var email = AccountsApi.UniqueEmail();
        var id = await Api.RegisterAsync(email, displayName: "Embedded Ann");
        var tokens = await Api.LoginAsync(email);
        var refreshed = await Api.RefreshAsync(tokens.RefreshToken);

        var me = await Api.As(refreshed.AccessToken).GetFromJsonAsync<JsonElement>("/api/v1/accounts/me");

        Assert.Equal(id, me.GetProperty("id").GetGuid());
        Assert.Equal("Embedded Ann", me.GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(tokens.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Chat_rooms_sequences_and_history_work_on_the_embedded_default()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var room = await Chat.OpenDirectAsync(ann, bob.Id);

        var sent = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Chat.SendAsync(i % 2 == 0 ? ann : bob, room.Id, $"m{i}")));
        var replay = await Chat.PostMessageAsync(ann, room.Id, "m0", sent[0].ClientMessageId);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var history = await Chat.HistoryAsync(bob, room.Id);
        Assert.Equal(Enumerable.Range((int)room.LastSeq + 1, 10).Select(i => (long)i), history.Messages.Select(m => m.Seq));
        var bobsView = (await Chat.RoomsAsync(bob)).Single();
        Assert.Equal(history.Messages.Count(m => m.Seq > bobsView.ReadSeq && m.SenderId != bob.Id), bobsView.UnreadCount);
        Assert.Equal(history.Messages.Last(m => m.SenderId == bob.Id).Seq, bobsView.ReadSeq);
    }

    [Fact]
    public async Task Pictures_upload_attach_and_serve_from_local_disk_on_the_embedded_default()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var picture = await Media.UploadAsync(ann, TestImages.Solid(300, 200, SkiaSharp.SKColors.Red), "chat");
        var avatar = await Media.UploadAsync(ann, TestImages.Solid(300, 200, SkiaSharp.SKColors.Blue), "avatar");

        using var sent = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages",
            new { clientMessageId = "pic-1", text = "", attachments = new[] { picture.Id } });
        using var setAvatar = await Api.As(ann).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = avatar.Id });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, setAvatar.StatusCode);
        var history = await Api.As(bob).GetFromJsonAsync<JsonElement>($"/api/v1/chat/rooms/{room.Id}/messages");
        var url = history.GetProperty("messages")[0].GetProperty("attachments")[0].GetProperty("variants")[0].GetProperty("url").GetString()!;
        Assert.True(TestImages.Near(TestImages.PixelAt(await Media.FetchBytesAsync(url), 150, 100), SkiaSharp.SKColors.Red));
        Assert.NotEmpty(await Media.FetchBytesAsync(avatar.Variant("avatar-128").Url));
    }

    [Fact]
    public async Task Live_delivery_and_presence_work_in_process_without_redis()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);

        await using (var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken))
        {
            Assert.True((await bobsPhone.NextAsync("PresenceChanged")).GetProperty("online").GetBoolean());
            var sent = await annsPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "embedded-1", "hi", (Guid?)null);
            Assert.Equal(sent.Id, (await bobsPhone.NextAsync(HubClient.MessageCreated)).GetProperty("id").GetGuid());
        }

        Assert.False((await bobsPhone.NextAsync("PresenceChanged")).GetProperty("online").GetBoolean());
    }

    [Fact]
    public async Task Readiness_reports_the_sqlite_database_and_no_redis()
    {
        var response = await Api.Anonymous().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var checks = report.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("db-accounts").GetProperty("status").GetString());
        Assert.False(checks.TryGetProperty("redis", out _));
    }

    [Fact]
    public async Task The_admin_dashboard_runs_on_in_memory_storage()
    {
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);

        var response = await Api.As(admin.AccessToken).GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
