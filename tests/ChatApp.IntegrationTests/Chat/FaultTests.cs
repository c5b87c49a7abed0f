using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Chat;

public sealed class FaultTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    /// <summary>
    /// Bob streams 40 messages while Ann's phone loses its connection in the middle and comes back. The phone applies
    /// live events and, after reconnecting, a sync from its cursor; it keeps messages by sequence number and ignores
    /// ones it already holds. Its view must end equal to the database: nothing lost, nothing twice, in order.
    /// </summary>
    [Fact]
    public async Task A_connection_dropped_mid_stream_loses_nothing_and_duplicates_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var view = new SortedDictionary<long, Guid>();
        void Hold(long seq, Guid id)
        {
            if (!view.TryAdd(seq, id))
            {
                Assert.Equal(view[seq], id); // a duplicate is ignored; the same sequence number never names two messages
            }
        }

        var stream = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await Chat.SendAsync(bob, room.Id, $"m{i}");
            }
        });

        await using (var phone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken))
        {
            for (var received = 0; received < 10; received++)
            {
                var e = await phone.NextAsync(HubClient.MessageCreated);
                Hold(e.GetProperty("seq").GetInt64(), e.GetProperty("id").GetGuid());
            }
        } // the connection drops here, mid-stream

        await using var reconnected = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var cursor = new Dictionary<Guid, long> { [room.Id] = view.ContiguousEnd(room.LastSeq) };
        var sync = await (await Api.As(ann).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = cursor })).Content.ReadFromJsonAsync<SyncDto>();
        foreach (var e in sync!.Rooms.SelectMany(r => r.Events).Where(e => e.Kind == "message.created"))
        {
            Hold(e.Seq, e.Message!.Id);
        }

        await stream;
        var truth = await Chat.HistoryAsync(ann, room.Id, "?limit=100");
        while (view.Count < truth.Messages.Count)
        {
            var e = await reconnected.NextAsync(HubClient.MessageCreated); // what was sent after the sync arrives live
            Hold(e.GetProperty("seq").GetInt64(), e.GetProperty("id").GetGuid());
        }

        Assert.Equal(40, truth.Messages.Count);
        Assert.Equal(truth.Messages.Select(m => (m.Seq, m.Id)), view.Select(kv => (kv.Key, kv.Value)));
    }
}
