using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed class ReadStateAndBlockTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task Reading_moves_the_position_forward_only_and_unread_follows_it()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var messages = new List<MessageDto>();
        for (var i = 0; i < 4; i++)
        {
            messages.Add(await Chat.SendAsync(bob, room.Id, $"m{i}"));
        }

        var partly = await (await Chat.PostReadAsync(ann, room.Id, messages[1].Seq)).Content.ReadFromJsonAsync<ReadStateDto>();
        var backwards = await (await Chat.PostReadAsync(ann, room.Id, messages[0].Seq)).Content.ReadFromJsonAsync<ReadStateDto>();
        var all = await (await Chat.PostReadAsync(ann, room.Id, messages[3].Seq)).Content.ReadFromJsonAsync<ReadStateDto>();

        Assert.Equal((messages[1].Seq, 2), (partly!.ReadSeq, partly.UnreadCount));
        Assert.Equal((messages[1].Seq, 2), (backwards!.ReadSeq, backwards.UnreadCount));
        Assert.Equal((messages[3].Seq, 0), (all!.ReadSeq, all.UnreadCount));
        var listed = (await Chat.RoomsAsync(ann)).Single();
        Assert.Equal((messages[3].Seq, 0), (listed.ReadSeq, listed.UnreadCount));
    }

    [Fact]
    public async Task My_own_messages_are_never_unread_for_me()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();

        var mine = await Chat.SendAsync(ann, room.Id, "mine");
        await Chat.SendAsync(bob, room.Id, "theirs");

        var listed = (await Chat.RoomsAsync(ann)).Single();
        Assert.Equal(mine.Seq, listed.ReadSeq);
        Assert.Equal(1, listed.UnreadCount);
    }

    /// <summary>Several devices of one user read and a friend sends, all at once: the position ends at the highest read and unread is exact.</summary>
    [Fact]
    public async Task Concurrent_reads_on_several_devices_and_sends_keep_read_state_exact()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var annTablet = ann with { Tokens = await Api.LoginAsync(ann.Email, deviceName: "tablet") };
        var sent = new List<MessageDto>();
        for (var i = 0; i < 10; i++)
        {
            sent.Add(await Chat.SendAsync(bob, room.Id, $"m{i}"));
        }

        var random = new Random(42);
        var reads = Enumerable.Range(0, 20).Select(_ => sent[random.Next(sent.Count)].Seq).ToList();
        var sends = Enumerable.Range(0, 5).Select(i => Chat.SendAsync(bob, room.Id, $"late{i}"));
        var readTasks = reads.Select((seq, i) => Chat.PostReadAsync(i % 2 == 0 ? ann : annTablet, room.Id, seq));
        await Task.WhenAll(readTasks.Cast<Task>().Concat(sends));

        var listed = (await Chat.RoomsAsync(annTablet)).Single();
        Assert.Equal(reads.Max(), listed.ReadSeq);
        var history = await Chat.HistoryAsync(ann, room.Id, "?limit=100");
        Assert.Equal(history.Messages.Count(m => m.Seq > reads.Max() && m.SenderId != ann.Id), listed.UnreadCount);
    }

    /// <summary>An app that opens a room shows the receipts from before it connected: each member's read position is in the room's detail.</summary>
    [Fact]
    public async Task The_room_detail_shows_how_far_each_member_has_read()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var carl = await Api.NewUserAsync();
        var group = await Chat.CreateGroupAsync(ann, "Hikers", bob.Id, carl.Id);
        var direct = await Chat.SendAsync(ann, room.Id, "내일 판교역에서 만나요");
        var first = await Chat.SendAsync(ann, group.Id, "See you at 8");
        var second = await Chat.SendAsync(ann, group.Id, "Bring water");

        (await Chat.PostReadAsync(bob, room.Id, direct.Seq)).EnsureSuccessStatusCode();
        (await Chat.PostReadAsync(bob, group.Id, second.Seq)).EnsureSuccessStatusCode();
        (await Chat.PostReadAsync(carl, group.Id, first.Seq)).EnsureSuccessStatusCode();

        var directSeen = await Api.Client(ann).Chat.GetRoomAsync(room.Id);
        var groupSeen = await Api.Client(carl).Chat.GetRoomAsync(group.Id);
        Assert.Equal(direct.Seq, directSeen.Members!.Single(m => m.UserId == bob.Id).ReadSeq);
        Assert.Equal(direct.Seq, directSeen.Members!.Single(m => m.UserId == ann.Id).ReadSeq); // sending reads up to my message
        Assert.Equal(
            new[] { (ann.Id, second.Seq), (bob.Id, second.Seq), (carl.Id, first.Seq) }.OrderBy(m => m.Item1),
            groupSeen.Members!.Select(m => (m.UserId, m.ReadSeq)).OrderBy(m => m.UserId));
        Assert.All((await Chat.RoomsAsync(ann)), r => Assert.Null(r.Members)); // the list stays without members
    }

    [Fact]
    public async Task Reading_past_the_end_or_in_a_room_not_mine_is_refused()
    {
        var (ann, _, room) = await Chat.NewDirectRoomAsync();
        var outsider = await Api.NewUserAsync();

        var pastEnd = await Chat.PostReadAsync(ann, room.Id, room.LastSeq + 100);
        var notMine = await Chat.PostReadAsync(outsider, room.Id, 1);

        Assert.Equal(["seq"], (await Problem.ReadAsync(pastEnd)).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
    }

    [Fact]
    public async Task A_blocked_user_can_neither_open_a_direct_room_nor_message_the_blocker()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var stranger = await Api.NewUserAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{bob.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{bob.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{stranger.Id}", null)).StatusCode);

        var message = await Chat.PostMessageAsync(bob, room.Id, "please");
        var reply = await Chat.PostMessageAsync(ann, room.Id, "no");
        var open = await Api.As(stranger).PutAsync($"/api/v1/chat/direct/{ann.Id}", null);
        Assert.Equal(HttpStatusCode.Forbidden, message.StatusCode);
        Assert.Equal("chat.blocked", (await Problem.ReadAsync(message)).Code);
        Assert.Equal(HttpStatusCode.Forbidden, reply.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(ann).DeleteAsync($"/api/v1/chat/blocks/{bob.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Chat.PostMessageAsync(bob, room.Id, "thanks")).StatusCode);
    }

    [Fact]
    public async Task Blocking_yourself_or_an_unknown_user_is_refused()
    {
        var ann = await Api.NewUserAsync();

        var self = await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{ann.Id}", null);
        var unknown = await Api.As(ann).PutAsync($"/api/v1/chat/blocks/{Guid.NewGuid()}", null);

        Assert.Equal(["userId"], (await Problem.ReadAsync(self)).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
