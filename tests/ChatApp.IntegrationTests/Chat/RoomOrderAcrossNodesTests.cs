using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>
/// Two real nodes store the same rooms' changes at the same time (each batches its own senders); every connection, on
/// either node, must receive each room's events in sequence order. A gap later filled from history is allowed; an event
/// numbered below one already received is not.
/// </summary>
public sealed class RoomOrderAcrossNodesTests
{
    private const int Users = 8;
    private const int MessagesPerUserAndRoom = 25;

    [Fact]
    public async Task Every_connection_receives_each_rooms_events_in_sequence_order_while_both_nodes_store_them()
    {
        var database = await Nodes.CreateDatabaseAsync("order");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            // On a machine this busy a frame can take longer than the production gap wait (1 s) to cross Redis; a node that
            // gave the gap up would then drop it as stale. Waiting longer changes nothing about the order being checked.
            var environmentA = Nodes.Environment(database, prefix, migrate: true);
            var environmentB = Nodes.Environment(database, prefix, migrate: false);
            environmentA["Chat__RoomEventGapWait"] = environmentB["Chat__RoomEventGapWait"] = "00:00:15";
            await using var nodeA = await HostProcess.StartServerAsync(environmentA);
            await using var nodeB = await HostProcess.StartServerAsync(environmentB);
            Uri[] nodes = [nodeA.Address!, nodeB.Address!];
            var http = nodes.Select(n => new HttpClient { BaseAddress = n }).ToArray();
            var users = new List<(Guid Id, string Token)>();
            for (var i = 0; i < Users; i++)
            {
                users.Add(await Nodes.RegisterAndLoginAsync(http[i % 2]));
            }

            using var owner = new HttpClient { BaseAddress = nodes[0] };
            Nodes.Authorized(owner, users[0].Token);
            var rooms = new List<Guid>();
            for (var r = 0; r < 2; r++)
            {
                var created = await owner.PostAsJsonAsync("/api/v1/chat/rooms", new { name = $"order {r}", memberIds = users.Skip(1).Select(u => u.Id) });
                rooms.Add((await created.Content.ReadFromJsonAsync<RoomDto>())!.Id);
            }

            // Each phone records, per room, the numbers of the events it receives, in arrival order.
            var received = users.Select(_ => new ConcurrentQueue<(Guid Room, long Seq)>()).ToArray();
            var connections = new List<HubConnection>();
            for (var i = 0; i < Users; i++)
            {
                var log = received[i];
                var connection = Nodes.Hub(nodes[i % 2], users[i].Token);
                connection.On<MessageDto[]>("MessagesCreated", frame =>
                {
                    foreach (var message in frame)
                    {
                        log.Enqueue((message.RoomId, message.Seq));
                    }
                });
                connection.On<JsonElement>("MessageUpdated", change => log.Enqueue((change.GetProperty("roomId").GetGuid(), change.GetProperty("seq").GetInt64())));
                await connection.StartAsync();
                connections.Add(connection);
            }

            // Everyone sends to both rooms at once, several sends in flight per connection, and edits a message midway
            // through REST (a change numbered by another path than the batched writer).
            await Task.WhenAll(Enumerable.Range(0, Users).Select(async i =>
            {
                using var rest = Nodes.Authorized(new HttpClient { BaseAddress = nodes[i % 2] }, users[i].Token);
                var sends = new List<Task<MessageDto>>();
                for (var n = 0; n < MessagesPerUserAndRoom; n++)
                {
                    foreach (var room in rooms)
                    {
                        sends.Add(connections[i].InvokeAsync<MessageDto>("SendMessage", room, $"u{i}-{n}-{room:N}", $"message {n} of {i}", null));
                    }

                    if (n == 10)
                    {
                        var first = await sends[i % 2]; // half the editors edit in each room
                        var edited = await rest.PatchAsJsonAsync($"/api/v1/chat/rooms/{first.RoomId}/messages/{first.Id}", new { text = "edited" });
                        edited.EnsureSuccessStatusCode();
                    }
                }

                await Task.WhenAll(sends);
            }));

            // Every room's events: the messages and the edits.
            var expectedPerRoom = (Users * MessagesPerUserAndRoom) + (Users / 2);
            await Eventually.Async(() => Task.FromResult(received.All(log => log.Count >= 2 * expectedPerRoom)), TimeSpan.FromSeconds(120), "every phone received every event");
            // A moment for anything that would arrive late (and out of order) to arrive.
            await Task.Delay(1500);

            for (var i = 0; i < Users; i++)
            {
                foreach (var room in rooms)
                {
                    var seqs = received[i].Where(e => e.Room == room).Select(e => e.Seq).ToList();
                    var reordered = seqs.Zip(seqs.Skip(1)).Where(p => p.Second <= p.First).ToList();
                    Assert.True(reordered.Count == 0,
                        $"User {i} on node {(i % 2 == 0 ? "A" : "B")} received room {room} out of order: {string.Join(", ", reordered.Take(5).Select(p => $"{p.Second} after {p.First}"))}");
                    Assert.Equal(expectedPerRoom, seqs.Count);
                }
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            foreach (var client in http)
            {
                client.Dispose();
            }
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
