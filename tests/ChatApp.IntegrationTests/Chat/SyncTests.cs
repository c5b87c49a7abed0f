using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed record SyncEventDto(long Seq, string Kind, DateTime OccurredAt, Guid? UserId, MessageDto? Message, string? Emoji);

public sealed record SyncRoomDto(Guid RoomId, long FromSeq, long LastSeq, bool Truncated, IReadOnlyList<SyncEventDto> Events);

public sealed record SyncReadDto(Guid RoomId, long ReadSeq, int UnreadCount);

public sealed record SyncDto(IReadOnlyList<SyncRoomDto> Rooms, IReadOnlyList<SyncReadDto> ReadPositions, IReadOnlyList<Guid> RemovedRoomIds, Dictionary<Guid, long> Cursor);

public sealed class SyncTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_device_that_was_offline_gets_exactly_what_it_missed_in_every_room_and_a_next_cursor()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var cid = await Api.NewUserAsync("Cid");
        var withBob = await Chat.OpenDirectAsync(ann, bob.Id);
        var seen = await Chat.SendAsync(bob, withBob.Id, "seen before going offline");
        var cursor = (await SyncAsync(ann, [])).Cursor;

        var missed = new[] { await Chat.SendAsync(bob, withBob.Id, "missed 1"), await Chat.SendAsync(bob, withBob.Id, "missed 2") };
        var newRoom = await Chat.CreateGroupAsync(cid, "new group", ann.Id);
        var inNewRoom = await Chat.SendAsync(cid, newRoom.Id, "welcome");

        var sync = await SyncAsync(ann, cursor);

        var bobRoom = Assert.Single(sync.Rooms, r => r.RoomId == withBob.Id);
        Assert.Equal(seen.Seq, bobRoom.FromSeq);
        Assert.False(bobRoom.Truncated);
        Assert.Equal(missed.Select(m => m.Id), bobRoom.Events.Select(e => e.Message!.Id));
        var group = Assert.Single(sync.Rooms, r => r.RoomId == newRoom.Id);
        Assert.Equal(0, group.FromSeq);
        Assert.Equal(["member.joined", "member.joined", "message.created"], group.Events.Select(e => e.Kind));
        Assert.Equal(inNewRoom.Id, group.Events[^1].Message!.Id);
        Assert.Equal(Enumerable.Range(1, (int)group.LastSeq).Select(i => (long)i), group.Events.Select(e => e.Seq));
        Assert.Equal(3, sync.ReadPositions.Single(r => r.RoomId == withBob.Id).UnreadCount); // received is not read: nothing was marked read
        Assert.Equal(new Dictionary<Guid, long> { [withBob.Id] = missed[1].Seq, [newRoom.Id] = inNewRoom.Seq }, sync.Cursor);

        var again = await SyncAsync(ann, sync.Cursor);
        Assert.Empty(again.Rooms);
    }

    [Fact]
    public async Task Too_much_missed_in_a_room_is_reported_as_truncated()
    {
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var room = await Chat.OpenDirectAsync(ann, bob.Id);
        var cursor = (await SyncAsync(ann, [])).Cursor;
        for (var i = 0; i < 31; i++)
        {
            await Chat.SendAsync(bob, room.Id, $"m{i}");
        }

        var sync = await SyncAsync(ann, cursor);

        var changes = Assert.Single(sync.Rooms);
        Assert.True(changes.Truncated);
        Assert.Empty(changes.Events);
        Assert.Equal(changes.LastSeq, sync.Cursor[room.Id]);
    }

    [Fact]
    public async Task Rooms_in_the_cursor_that_are_not_mine_are_reported_removed_and_leak_nothing()
    {
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var cid = await Api.NewUserAsync();
        var notMine = await Chat.OpenDirectAsync(bob, cid.Id);
        await Chat.SendAsync(bob, notMine.Id, "secret");
        var ghost = Guid.NewGuid();

        var sync = await SyncAsync(ann, new() { [notMine.Id] = 0, [ghost] = 3 });

        Assert.Empty(sync.Rooms);
        Assert.Equal(new[] { notMine.Id, ghost }.Order(), sync.RemovedRoomIds.Order());
    }

    [Fact]
    public async Task A_phone_that_reconnects_fills_the_gap_and_ends_with_what_the_database_has()
    {
        var ann = await Api.NewUserAsync();
        var bob = await Api.NewUserAsync();
        var room = await Chat.OpenDirectAsync(ann, bob.Id);
        var held = new SortedDictionary<long, Guid>();
        var cursor = (await SyncAsync(ann, [])).Cursor;

        await using (var phone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken))
        {
            var live = await Chat.SendAsync(bob, room.Id, "live");
            var received = await phone.NextAsync(HubClient.MessageCreated);
            held[received.GetProperty("seq").GetInt64()] = received.GetProperty("id").GetGuid();
            cursor[room.Id] = live.Seq;
        }

        for (var i = 0; i < 5; i++)
        {
            await Chat.SendAsync(bob, room.Id, $"while offline {i}"); // nobody is connected for Ann
        }

        await using var reconnected = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var sync = await SyncAsync(ann, cursor);
        foreach (var e in sync.Rooms.Single().Events.Where(e => e.Message is not null))
        {
            held[e.Seq] = e.Message!.Id;
        }

        var truth = await Chat.HistoryAsync(ann, room.Id, "?limit=100");
        Assert.Equal(truth.Messages.Select(m => (m.Seq, m.Id)), held.Select(kv => (kv.Key, kv.Value)));
    }

    private async Task<SyncDto> SyncAsync(TestUser user, Dictionary<Guid, long> cursor)
    {
        var response = await Api.As(user).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = cursor });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SyncDto>())!;
    }
}
