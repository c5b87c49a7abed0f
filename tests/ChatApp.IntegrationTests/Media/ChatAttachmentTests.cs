using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Features.CleanUpMedia;
using ChatApp.Modules.Media.Persistence;
using Mediator;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Media;

public sealed class ChatAttachmentTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Members_get_attached_pictures_with_signed_urls_in_the_message_and_in_history()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var red = await Media.UploadAsync(ann, TestImages.Solid(800, 600, SKColors.Red), "chat");
        var blue = await Media.UploadAsync(ann, TestImages.Solid(600, 800, SKColors.Blue), "chat");

        using var sent = await SendAsync(ann, room.Id, "look", red.Id, blue.Id);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var message = await JsonAsync(sent);
        Assert.Equal(new[] { red.Id, blue.Id }, AttachmentIds(message));

        using var history = await Api.As(bob).GetAsync($"/api/v1/chat/rooms/{room.Id}/messages");
        var seen = (await JsonAsync(history)).GetProperty("messages").EnumerateArray().Single();
        Assert.Equal(new[] { red.Id, blue.Id }, AttachmentIds(seen));
        var first = seen.GetProperty("attachments")[0];
        Assert.Equal(800, first.GetProperty("width").GetInt32());
        Assert.True(first.GetProperty("urlsExpireAt").GetDateTime() > DateTime.UtcNow);
        var url = first.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "chat").GetProperty("url").GetString()!;
        Assert.True(TestImages.Near(TestImages.PixelAt(await Media.FetchBytesAsync(url), 10, 10), SKColors.Red));

        using var sync = await Api.As(bob).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [room.Id] = 0 } });
        Assert.Contains(red.Id.ToString(), await sync.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Pictures_sent_over_the_hub_arrive_live_with_their_urls(bool messagePack)
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var picture = await Media.UploadAsync(ann, TestImages.Solid(100, 100, SKColors.Red), "chat");
        await using var annHub = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken, messagePack);
        await using var bobHub = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken, messagePack);

        var ack = await annHub.Connection.InvokeAsync<AckDto>(
            "SendMessageWithAttachments", room.Id, "hub-1", "", (Guid?)null, new[] { picture.Id });
        var live = await bobHub.NextAsync(HubClient.MessageCreated);

        Assert.Equal(picture.Id, Assert.Single(ack.Attachments).MediaId);
        var attachment = live.GetProperty("attachments")[0];
        Assert.Equal(picture.Id.ToString(), attachment.GetProperty("mediaId").ToString());
        var url = attachment.GetProperty("variants").EnumerateArray().First().GetProperty("url").GetString()!;
        Assert.True(TestImages.Near(TestImages.PixelAt(await Media.FetchBytesAsync(url), 5, 5), SKColors.Red));
    }

    [Fact]
    public async Task A_picture_only_message_needs_no_text_but_an_empty_message_is_refused()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var picture = await Media.UploadAsync(ann, TestImages.Solid(100, 100, SKColors.Red), "chat");

        using var pictureOnly = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages",
            new { clientMessageId = "p1", text = "", attachments = new[] { picture.Id } });
        using var empty = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages", new { clientMessageId = "p2", text = "" });

        Assert.Equal(HttpStatusCode.Created, pictureOnly.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Pictures_that_are_not_the_senders_own_chat_uploads_are_refused_and_nothing_is_sent()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var bobs = await Media.UploadAsync(bob, TestImages.Solid(100, 100, SKColors.Red), "chat");
        var avatar = await Media.UploadAsync(ann, TestImages.Solid(100, 100, SKColors.Red), "avatar");
        var mine = await Media.UploadAsync(ann, TestImages.Solid(100, 100, SKColors.Red), "chat");

        foreach (var attachment in new[] { bobs.Id, avatar.Id, Guid.NewGuid() })
        {
            using var response = await SendAsync(ann, room.Id, "x", mine.Id, attachment);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await Problem.ReadAsync(response);
            Assert.Equal("chat.invalid_attachment", problem.Code);
            Assert.Contains(attachment.ToString(), Assert.Single(problem.Errors["attachments"]), StringComparison.Ordinal);
        }

        using (var tooMany = await SendAsync(ann, room.Id, "x", Enumerable.Range(0, 11).Select(_ => Guid.NewGuid()).ToArray()))
        {
            Assert.Contains("attachments", (await Problem.ReadAsync(tooMany)).Errors.Keys);
        }

        using (var twice = await SendAsync(ann, room.Id, "x", mine.Id, mine.Id))
        {
            Assert.Contains("attachments", (await Problem.ReadAsync(twice)).Errors.Keys);
        }

        Assert.Empty((await Chat.HistoryAsync(bob, room.Id)).Messages);
    }

    [Fact]
    public async Task A_non_member_gets_neither_the_message_nor_the_picture()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();
        var picture = await Media.UploadAsync(ann, TestImages.Solid(100, 100, SKColors.Red), "chat");
        using (var sent = await SendAsync(ann, room.Id, "private", picture.Id))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        using var history = await Api.As(outsider).GetAsync($"/api/v1/chat/rooms/{room.Id}/messages");
        using var lookup = await Api.As(outsider).GetAsync($"/api/v1/media/images/{picture.Id}");
        using var reuse = await SendAsync(outsider, room.Id, "mine now", picture.Id);

        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
    }

    [Fact]
    public async Task Attached_pictures_outlive_the_unused_retention_and_go_when_their_message_is_deleted()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var picture = await Media.UploadAsync(ann, TestImages.Solid(100, 100, SKColors.Red), "chat");
        using var sent = await SendAsync(ann, room.Id, "soon gone", picture.Id);
        var message = await JsonAsync(sent);
        var url = message.GetProperty("attachments")[0].GetProperty("variants")[0].GetProperty("url").GetString()!;

        // The message's use of the picture arrives through the outbox.
        await Eventually.Async(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Uses.AnyAsync(u => u.MediaId == picture.Id);
        });
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
            await db.Images.ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAt, DateTime.UtcNow.AddDays(-2)));
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CleanUpMediaCommand());
        }

        using (var stillThere = await Media.FetchAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        }

        using (var delete = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.GetProperty("id").GetGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await Eventually.Async(async () =>
        {
            using var gone = await Media.FetchAsync(url);
            return gone.StatusCode == HttpStatusCode.NotFound;
        });
        var tombstone = (await Chat.HistoryAsync(ann, room.Id)).Messages.Single();
        Assert.True(tombstone.Deleted);
    }

    private Task<HttpResponseMessage> SendAsync(TestUser sender, Guid roomId, string text, params Guid[] attachments) =>
        Api.As(sender).PostAsJsonAsync($"/api/v1/chat/rooms/{roomId}/messages", new { clientMessageId = Guid.NewGuid().ToString("N"), text, attachments });

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static Guid[] AttachmentIds(JsonElement message) =>
        message.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("mediaId").GetGuid()).ToArray();

    public sealed record AckDto(Guid Id, long Seq, List<AckAttachmentDto> Attachments);

    public sealed record AckAttachmentDto(Guid MediaId, int Width, int Height);
}
