using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed class ReactionTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Reactions_are_sequenced_changes_shown_with_history_and_heard_live()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "lunch?");
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var path = $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}/reactions/";

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).PutAsync(path + Uri.EscapeDataString("👍"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).PutAsync(path + Uri.EscapeDataString("😀"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).PutAsync(path + Uri.EscapeDataString("👍"), null)).StatusCode); // again: no change
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).PutAsync(path + Uri.EscapeDataString("👍"), null)).StatusCode);

        var live = await annsPhone.NextAsync("ReactionChanged");
        Assert.Equal(("reaction.added", "👍", bob.Id, message.Seq + 1),
            (live.GetProperty("kind").GetString(), live.GetProperty("emoji").GetString(), live.GetProperty("userId").GetGuid(), live.GetProperty("seq").GetInt64()));
        var page = await Chat.HistoryAsync(ann, room.Id);
        var thumbs = page.Reactions.Single(r => r.Emoji == "👍");
        Assert.Equal(2, thumbs.Count);
        Assert.Equal([bob.Id, ann.Id], thumbs.UserIds);
        Assert.Equal(1, page.Reactions.Single(r => r.Emoji == "😀").Count);
        Assert.Equal(message.Seq + 3, (await Chat.RoomsAsync(ann)).Single().LastSeq); // three real changes, the repeat took none

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).DeleteAsync(path + Uri.EscapeDataString("👍"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).DeleteAsync(path + Uri.EscapeDataString("👍"))).StatusCode);
        var after = await Chat.HistoryAsync(ann, room.Id);
        Assert.Equal([ann.Id], after.Reactions.Single(r => r.Emoji == "👍").UserIds);
        Assert.Equal(message.Seq + 4, (await Chat.RoomsAsync(ann)).Single().LastSeq);
    }

    [Fact]
    public async Task Reactions_appear_in_sync_with_their_emoji()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "hi");
        await Api.As(bob).PutAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}/reactions/{Uri.EscapeDataString("❤️")}", null);

        var sync = await (await Api.As(ann).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [room.Id] = message.Seq } }))
            .Content.ReadFromJsonAsync<SyncDto>();

        var reaction = Assert.Single(sync!.Rooms.Single().Events);
        Assert.Equal(("reaction.added", "❤️", bob.Id, message.Id), (reaction.Kind, reaction.Emoji, reaction.UserId!.Value, reaction.Message!.Id));
    }

    [Fact]
    public async Task Reaction_refusals()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();
        var message = await Chat.SendAsync(ann, room.Id, "hi");
        var deleted = await Chat.SendAsync(ann, room.Id, "gone");
        await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{deleted.Id}");
        string Path(Guid id, string emoji) => $"/api/v1/chat/rooms/{room.Id}/messages/{id}/reactions/{Uri.EscapeDataString(emoji)}";

        var outsiderReacts = await Api.As(outsider).PutAsync(Path(message.Id, "👍"), null);
        var unknownMessage = await Api.As(bob).PutAsync(Path(Guid.NewGuid(), "👍"), null);
        var onDeleted = await Api.As(bob).PutAsync(Path(deleted.Id, "👍"), null);
        var tooLong = await Api.As(bob).PutAsync(Path(message.Id, new string('x', 33)), null);
        var withSpace = await Api.As(bob).PutAsync(Path(message.Id, "thumbs up"), null);

        Assert.Equal("chat.room_not_found", (await Problem.ReadAsync(outsiderReacts)).Code);
        Assert.Equal("chat.message_not_found", (await Problem.ReadAsync(unknownMessage)).Code);
        Assert.Equal("chat.message_deleted", (await Problem.ReadAsync(onDeleted)).Code);
        Assert.Equal(["emoji"], (await Problem.ReadAsync(tooLong)).Errors.Keys);
        Assert.Equal(["emoji"], (await Problem.ReadAsync(withSpace)).Errors.Keys);
        Assert.Empty((await Chat.HistoryAsync(ann, room.Id)).Reactions);
    }
}
