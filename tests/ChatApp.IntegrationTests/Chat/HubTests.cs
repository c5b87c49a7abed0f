using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

public sealed class HubTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_member_receives_new_messages_of_all_their_rooms_with_the_sequence_number()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);

        var sent = await Chat.SendAsync(ann, room.Id, "are you there?");

        var received = await bobsPhone.NextAsync(HubClient.MessageCreated);
        Assert.Equal(sent.Id, received.GetProperty("id").GetGuid());
        Assert.Equal(sent.Seq, received.GetProperty("seq").GetInt64());
        Assert.Equal(room.Id, received.GetProperty("roomId").GetGuid());
        Assert.Equal("are you there?", received.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Someone_outside_the_room_receives_nothing_of_it()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();
        var outsidersRoom = await Chat.OpenDirectAsync(outsider, ann.Id);
        await using var outsiderPhone = await HubClient.ConnectAsync(Factory, outsider.Tokens.AccessToken);

        await Chat.SendAsync(bob, room.Id, "private");
        var marker = await Chat.SendAsync(ann, outsidersRoom.Id, "for the outsider");

        var first = await outsiderPhone.NextAsync(HubClient.MessageCreated);
        Assert.Equal(marker.Id, first.GetProperty("id").GetGuid()); // the private message never came before it
        Assert.Empty(outsiderPhone.Drain(HubClient.MessageCreated));
    }

    [Fact]
    public async Task Sending_through_the_hub_stores_broadcasts_and_is_idempotent()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken, messagePack: true);

        var first = await annsPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "hub-1", "via the hub", (Guid?)null);
        var retry = await annsPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "hub-1", "via the hub", (Guid?)null);

        Assert.Equal(first, retry);
        var atBob = await bobsPhone.NextAsync(HubClient.MessageCreated);
        Assert.Equal(first.Seq, atBob.GetProperty("seq").GetInt64());
        var echo = await annsPhone.NextAsync(HubClient.MessageCreated); // the sender's other devices get it too
        Assert.Equal(first.Id, echo.GetProperty("id").GetGuid());
        Assert.Single((await Chat.HistoryAsync(bob, room.Id)).Messages);
        Assert.Empty(bobsPhone.Drain(HubClient.MessageCreated)); // the retry broadcast nothing
    }

    [Fact]
    public async Task Hub_refusals_carry_the_error_code()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();
        await using var outsiderPhone = await HubClient.ConnectAsync(Factory, outsider.Tokens.AccessToken);
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);

        var notMember = await Assert.ThrowsAsync<HubException>(() =>
            outsiderPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "x", "hello", (Guid?)null));
        var tooLong = await Assert.ThrowsAsync<HubException>(() =>
            annsPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, "y", new string('a', 4001), (Guid?)null));

        Assert.Contains("chat.room_not_found", notMember.Message, StringComparison.Ordinal);
        Assert.Contains("validation_failed", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("text:", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_is_sent_as_a_receipt_to_the_room_and_to_my_other_devices()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "read me");
        var annsTablet = await Api.LoginAsync(ann.Email, deviceName: "tablet");
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        await using var tablet = await HubClient.ConnectAsync(Factory, annsTablet.AccessToken);
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);

        var state = await annsPhone.Connection.InvokeAsync<ReadStateDto>("MarkRead", room.Id, message.Seq);

        Assert.Equal(0, state.UnreadCount);
        foreach (var client in new[] { tablet, bobsPhone })
        {
            var receipt = await client.NextAsync("ReadPositionChanged");
            Assert.Equal(ann.Id, receipt.GetProperty("userId").GetGuid());
            Assert.Equal(message.Seq, receipt.GetProperty("readSeq").GetInt64());
        }
    }

    [Fact]
    public async Task Typing_reaches_the_other_members_only_throttled_and_outsiders_are_refused()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);
        await using var outsiderPhone = await HubClient.ConnectAsync(Factory, outsider.Tokens.AccessToken);

        for (var i = 0; i < 5; i++)
        {
            await annsPhone.Connection.InvokeAsync("Typing", room.Id);
        }

        var typing = await bobsPhone.NextAsync("Typing");
        Assert.Equal((room.Id, ann.Id), (typing.GetProperty("roomId").GetGuid(), typing.GetProperty("userId").GetGuid()));
        await Chat.SendAsync(ann, room.Id, "marker"); // events arrive in order: once this is here, no more typing is on its way
        await bobsPhone.NextAsync(HubClient.MessageCreated);
        await annsPhone.NextAsync(HubClient.MessageCreated);
        Assert.Empty(bobsPhone.Drain("Typing")); // five calls, one signal
        Assert.Empty(annsPhone.Drain("Typing")); // not echoed to the typer
        var refused = await Assert.ThrowsAsync<HubException>(() => outsiderPhone.Connection.InvokeAsync("Typing", room.Id));
        Assert.Contains("chat.room_not_found", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_room_is_announced_to_its_members()
    {
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);

        var room = await Chat.CreateGroupAsync(ann, "new", bob.Id);

        var announced = await bobsPhone.NextAsync("RoomCreated");
        Assert.Equal(room.Id, announced.GetProperty("roomId").GetGuid());
    }

    [Fact]
    public async Task Connecting_without_a_valid_access_token_is_refused()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => HubClient.ConnectAsync(Factory, "not-a-token"));

        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }
}
