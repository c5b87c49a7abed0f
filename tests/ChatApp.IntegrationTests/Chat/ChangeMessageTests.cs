using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed class ChangeMessageTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_sender_edits_a_message_as_a_new_room_change_that_members_hear_about()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "helo");
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);

        var response = await Api.As(ann).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}", new { text = "hello" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = (await response.Content.ReadFromJsonAsync<MessageDto>())!;
        Assert.Equal(("hello", message.Seq), (edited.Text, edited.Seq));
        Assert.NotNull(edited.EditedAt);
        var update = await bobsPhone.NextAsync("MessageUpdated");
        Assert.Equal("message.edited", update.GetProperty("kind").GetString());
        Assert.Equal(message.Seq + 1, update.GetProperty("seq").GetInt64());
        Assert.Equal("hello", update.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(edited, (await Chat.HistoryAsync(bob, room.Id)).Messages.Single());
        Assert.Equal(message.Seq + 1, (await Chat.RoomsAsync(bob)).Single().LastSeq);
    }

    [Fact]
    public async Task Deleting_leaves_a_tombstone_that_is_not_unread()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(ann, room.Id, "oops, wrong chat");

        var first = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}");
        var again = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var tombstone = (await Chat.HistoryAsync(bob, room.Id)).Messages.Single();
        Assert.True(tombstone.Deleted);
        Assert.Equal("", tombstone.Text);
        var bobsRoom = (await Chat.RoomsAsync(bob)).Single();
        Assert.Equal(0, bobsRoom.UnreadCount);
        Assert.Equal(message.Seq + 1, bobsRoom.LastSeq); // one change, however often deleted
        var edit = await Api.As(ann).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}", new { text = "undo" });
        Assert.Equal("chat.message_deleted", (await Problem.ReadAsync(edit)).Code);
    }

    [Fact]
    public async Task Only_the_sender_changes_a_message_and_outsiders_learn_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();
        var message = await Chat.SendAsync(ann, room.Id, "mine");
        var path = $"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}";

        var bobEdits = await Api.As(bob).PatchAsJsonAsync(path, new { text = "hijacked" });
        var bobDeletes = await Api.As(bob).DeleteAsync(path);
        var outsiderDeletes = await Api.As(outsider).DeleteAsync(path);
        var unknown = await Api.As(ann).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{Guid.NewGuid()}");
        var blank = await Api.As(ann).PatchAsJsonAsync(path, new { text = " " });

        Assert.Equal("chat.not_message_sender", (await Problem.ReadAsync(bobEdits)).Code);
        Assert.Equal(HttpStatusCode.Forbidden, bobDeletes.StatusCode);
        Assert.Equal("chat.room_not_found", (await Problem.ReadAsync(outsiderDeletes)).Code);
        Assert.Equal("chat.message_not_found", (await Problem.ReadAsync(unknown)).Code);
        Assert.Equal(["text"], (await Problem.ReadAsync(blank)).Errors.Keys);
        Assert.Equal("mine", (await Chat.HistoryAsync(ann, room.Id)).Messages.Single().Text);
    }
}
