using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed class MessageTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_message_gets_the_rooms_next_sequence_number()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();

        var first = await Chat.SendAsync(ann, room.Id, "hi");
        var second = await Chat.SendAsync(bob, room.Id, "hello");

        Assert.Equal(room.LastSeq + 1, first.Seq);
        Assert.Equal(first.Seq + 1, second.Seq);
        Assert.Equal(ann.Id, first.SenderId);
        Assert.Equal("hi", first.Text);
    }

    [Fact]
    public async Task Retrying_a_send_returns_the_original_and_stores_nothing_new()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        var created = await Chat.PostMessageAsync(ann, room.Id, "only once", "client-1");
        var retried = await Chat.PostMessageAsync(ann, room.Id, "only once", "client-1");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var original = (await created.Content.ReadFromJsonAsync<MessageDto>())!;
        Assert.Equal(original, await retried.Content.ReadFromJsonAsync<MessageDto>());
        Assert.Single((await Chat.HistoryAsync(ann, room.Id)).Messages);
    }

    [Fact]
    public async Task The_same_send_repeated_concurrently_yields_one_message()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Chat.PostMessageAsync(ann, room.Id, "flaky network", "client-dup")));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, r.StatusCode.ToString()));
        var messages = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<MessageDto>()));
        Assert.Single(messages.Select(m => m!.Id).Distinct());
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var history = await Chat.HistoryAsync(ann, room.Id);
        Assert.Single(history.Messages);
        Assert.Equal(room.LastSeq + 1, (await Chat.RoomsAsync(ann)).Single().LastSeq);
    }

    [Fact]
    public async Task Concurrent_senders_in_one_room_get_gapless_unique_sequence_numbers_that_everyone_sees_alike()
    {
        var owner = await Api.NewUserAsync();
        var members = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Api.NewUserAsync()));
        var room = await Chat.CreateGroupAsync(owner, "busy", members.Select(m => m.Id).ToArray());
        var senders = members.Append(owner).ToArray();

        await Task.WhenAll(senders.Select(async sender =>
        {
            for (var i = 0; i < 10; i++)
            {
                await Chat.SendAsync(sender, room.Id, $"{sender.Id}:{i}");
            }
        }));

        var views = await Task.WhenAll(senders.Select(s => Chat.HistoryAsync(s, room.Id, "?limit=100")));
        var seqs = views[0].Messages.Select(m => m.Seq).ToList();
        Assert.Equal(40, seqs.Count);
        Assert.Equal(Enumerable.Range((int)room.LastSeq + 1, 40).Select(i => (long)i), seqs);
        Assert.All(views, view => Assert.Equal(views[0].Messages, view.Messages));
        foreach (var sender in senders)
        {
            var own = views[0].Messages.Where(m => m.SenderId == sender.Id).Select(m => m.Text).ToList();
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"{sender.Id}:{i}"), own); // each sender's order is kept
        }
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("   ", "text")]
    [InlineData(null, "text")]
    public async Task Empty_text_is_refused(string? text, string field)
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        var response = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages", new { clientMessageId = "c", text });

        Assert.Equal([field], (await Problem.ReadAsync(response)).Errors.Keys);
    }

    [Fact]
    public async Task Text_is_limited_to_4000_characters_and_a_client_message_id_is_required()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        var longest = await Chat.PostMessageAsync(ann, room.Id, new string('a', 4000));
        var tooLong = await Chat.PostMessageAsync(ann, room.Id, new string('a', 4001));
        var noId = await Api.As(ann).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages", new { text = "hi" });

        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(["text"], (await Problem.ReadAsync(tooLong)).Errors.Keys);
        Assert.Equal(["clientMessageId"], (await Problem.ReadAsync(noId)).Errors.Keys);
    }

    [Fact]
    public async Task A_non_member_cannot_send_or_read_and_learns_nothing()
    {
        var (_, _, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();

        var send = await Chat.PostMessageAsync(outsider, room.Id, "let me in");
        var read = await Api.As(outsider).GetAsync($"/api/v1/chat/rooms/{room.Id}/messages");

        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
        Assert.Equal("chat.room_not_found", (await Problem.ReadAsync(send)).Code);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_reply_must_point_to_a_message_of_the_same_room()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var other = await Chat.OpenDirectAsync(ann, (await Api.NewUserAsync()).Id);
        var elsewhere = await Chat.SendAsync(ann, other.Id, "elsewhere");
        var here = await Chat.SendAsync(bob, room.Id, "question?");

        var reply = await Chat.PostMessageAsync(ann, room.Id, "answer", replyTo: here.Id);
        var wrong = await Chat.PostMessageAsync(ann, room.Id, "answer", replyTo: elsewhere.Id);

        Assert.Equal(here.Id, (await reply.Content.ReadFromJsonAsync<MessageDto>())!.ReplyToId);
        Assert.Equal(["replyTo"], (await Problem.ReadAsync(wrong)).Errors.Keys);
    }

    [Fact]
    public async Task A_client_message_id_reused_in_another_room_is_a_conflict()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var other = await Chat.OpenDirectAsync(ann, (await Api.NewUserAsync()).Id);
        await Chat.SendAsync(ann, room.Id, "first", "same-id");

        var response = await Chat.PostMessageAsync(ann, other.Id, "second", "same-id");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("chat.client_message_id_reused", (await Problem.ReadAsync(response)).Code);
    }

    [Fact]
    public async Task History_pages_backwards_and_forwards_by_sequence()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var sent = new List<MessageDto>();
        for (var i = 0; i < 7; i++)
        {
            sent.Add(await Chat.SendAsync(i % 2 == 0 ? ann : bob, room.Id, $"m{i}"));
        }

        var newest = await Chat.HistoryAsync(ann, room.Id, "?limit=3");
        var older = await Chat.HistoryAsync(ann, room.Id, $"?before={newest.Messages[0].Seq}&limit=3");
        var oldest = await Chat.HistoryAsync(ann, room.Id, $"?before={older.Messages[0].Seq}&limit=3");
        var newer = await Chat.HistoryAsync(ann, room.Id, $"?after={sent[1].Seq}&limit=2");

        Assert.Equal(["m4", "m5", "m6"], newest.Messages.Select(m => m.Text));
        Assert.True(newest.HasMore);
        Assert.Equal(["m1", "m2", "m3"], older.Messages.Select(m => m.Text));
        Assert.Equal(["m0"], oldest.Messages.Select(m => m.Text));
        Assert.False(oldest.HasMore);
        Assert.Equal(["m2", "m3"], newer.Messages.Select(m => m.Text));
        Assert.True(newer.HasMore);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?before=5&after=2", "before")]
    [InlineData("?after=-1", "after")]
    public async Task History_refuses_bad_paging(string query, string field)
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();

        var response = await Api.As(ann).GetAsync($"/api/v1/chat/rooms/{room.Id}/messages{query}");

        Assert.Equal([field], (await Problem.ReadAsync(response)).Errors.Keys);
    }
}
