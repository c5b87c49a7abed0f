using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>Sends are stored in batches (one transaction for whatever queued meanwhile): each send still gets its own answer.</summary>
public sealed class BatchedSendTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task One_phone_firing_sends_without_waiting_gets_them_stored_in_the_order_it_sent_them()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken, messagePack: true);
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);

        var sends = Enumerable.Range(0, 15)
            .Select(i => annsPhone.Connection.InvokeAsync<MessageDto>("SendMessage", room.Id, $"burst-{i}", $"message {i}", (Guid?)null))
            .ToList();
        var acks = await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(0, 15).Select(i => $"message {i}"), acks.OrderBy(a => a.Seq).Select(a => a.Text));
        var received = new List<long>();
        for (var i = 0; i < acks.Length; i++)
        {
            received.Add((await bobsPhone.NextAsync(HubClient.MessageCreated)).GetProperty("seq").GetInt64());
        }

        Assert.Equal(acks.Select(a => a.Seq).Order(), received); // delivered live in sequence order
    }

    [Fact]
    public async Task Refused_sends_arriving_together_with_good_ones_are_answered_each_and_store_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var (carl, dora, otherRoom) = await Chat.NewDirectRoomAsync();
        var elsewhere = await Chat.SendAsync(carl, otherRoom.Id, "elsewhere");

        var sends = Enumerable.Range(0, 6).Select(i => Chat.PostMessageAsync(ann, room.Id, $"good {i}"))
            .Append(Chat.PostMessageAsync(carl, room.Id, "not my room"))
            .Append(Chat.PostMessageAsync(bob, room.Id, "reply to another room", replyTo: elsewhere.Id))
            .Append(Chat.PostMessageAsync(dora, room.Id, "not her room either", clientMessageId: elsewhere.ClientMessageId))
            .ToList();
        var responses = await Task.WhenAll(sends);

        Assert.All(responses[..6], r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, responses[6].StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, responses[7].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, responses[8].StatusCode);
        var history = await Chat.HistoryAsync(ann, room.Id);
        Assert.Equal(6, history.Messages.Count);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i + history.Messages[0].Seq - 1), history.Messages.Select(m => m.Seq));
    }

    [Fact]
    public async Task Retries_of_a_stored_send_get_the_original_even_when_a_copy_for_another_room_arrives_with_them()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var carl = await Api.NewUserAsync();
        var other = await Chat.OpenDirectAsync(ann, carl.Id);
        for (var round = 0; round < 10; round++)
        {
            var id = $"retry-{round}";
            var original = await Chat.SendAsync(ann, room.Id, "once", id);

            // The other room's copy first, then retries: likely one batch, with the other room's copy as its first.
            var responses = await Task.WhenAll(
                Chat.PostMessageAsync(ann, other.Id, "once", id),
                Chat.PostMessageAsync(ann, room.Id, "once", id),
                Chat.PostMessageAsync(ann, room.Id, "once", id));

            Assert.Equal(HttpStatusCode.Conflict, responses[0].StatusCode);
            foreach (var retry in responses[1..])
            {
                Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
                Assert.Equal(original.Id, (await retry.Content.ReadFromJsonAsync<MessageDto>())!.Id);
            }
        }

        Assert.Equal(10, (await Chat.HistoryAsync(bob, room.Id, "?limit=50")).Messages.Count);
        Assert.Empty((await Chat.HistoryAsync(carl, other.Id)).Messages);
    }

    [Fact]
    public async Task The_same_send_fired_several_times_into_two_rooms_yields_one_message_and_conflicts_for_the_other_room()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var carl = await Api.NewUserAsync();
        var annAndCarl = await Chat.OpenDirectAsync(ann, carl.Id);

        // The first copies go to bob's room; the last, fired in the same moment, to carl's: whichever is stored first
        // wins and every other copy is answered with it (same room) or refused (the other room).
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Chat.PostMessageAsync(ann, room.Id, "same", clientMessageId: "dup-1"))
            .Append(Chat.PostMessageAsync(ann, annAndCarl.Id, "same", clientMessageId: "dup-1")));

        var inRoom = (await Chat.HistoryAsync(bob, room.Id)).Messages;
        var inOther = (await Chat.HistoryAsync(carl, annAndCarl.Id)).Messages;
        Assert.Equal(1, inRoom.Count + inOther.Count);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var winner = inRoom.Concat(inOther).Single();
        for (var i = 0; i < responses.Length; i++)
        {
            var target = i < 4 ? room.Id : annAndCarl.Id;
            if (target == winner.RoomId)
            {
                Assert.Equal(winner.Id, (await responses[i].Content.ReadFromJsonAsync<MessageDto>())!.Id);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Conflict, responses[i].StatusCode);
            }
        }
    }

    [Fact]
    public async Task Sending_moves_only_the_senders_read_position_to_their_own_message()
    {
        var owner = await Api.NewUserAsync();
        var member = await Api.NewUserAsync();
        var room = await Chat.CreateGroupAsync(owner, "reads", member.Id);

        var sends = Enumerable.Range(0, 5).Select(i => Chat.SendAsync(i % 2 == 0 ? owner : member, room.Id, $"m{i}")).ToList();
        var sent = await Task.WhenAll(sends);

        var ownersView = (await Chat.RoomsAsync(owner)).Single(r => r.Id == room.Id);
        var membersView = (await Chat.RoomsAsync(member)).Single(r => r.Id == room.Id);
        Assert.Equal(sent.Where(m => m.SenderId == owner.Id).Max(m => m.Seq), ownersView.ReadSeq);
        Assert.Equal(sent.Where(m => m.SenderId == member.Id).Max(m => m.Seq), membersView.ReadSeq);
        Assert.Equal(sent.Count(m => m.SenderId == member.Id && m.Seq > ownersView.ReadSeq), ownersView.UnreadCount);
    }
}
