using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Channels;
using ChatApp.IntegrationTests.Host;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>Two real host processes on two loopback ports, sharing one MariaDB database and one Redis (the backplane).</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_message_sent_on_node_A_arrives_live_at_a_client_connected_to_node_B()
    {
        var database = "chatapp_t_nodes_" + Guid.NewGuid().ToString("N")[..12];
        await HostProcessTests.ExecuteAsync($"CREATE DATABASE `{database}`");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        Dictionary<string, string> Environment(bool migrate) => Nodes.Environment(database, prefix, migrate);
        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Environment(migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Environment(migrate: false));
            using var a = new HttpClient { BaseAddress = nodeA.Address };
            using var b = new HttpClient { BaseAddress = nodeB.Address };
            var ann = await Nodes.RegisterAndLoginAsync(a);
            var bob = await Nodes.RegisterAndLoginAsync(b);
            var room = await (await Nodes.Authorized(a, ann.Token).PutAsync($"/api/v1/chat/direct/{bob.Id}", null)).Content.ReadFromJsonAsync<RoomDto>();

            await using var bobOnB = Nodes.Hub(nodeB.Address!, bob.Token);
            var arrived = new TaskCompletionSource<MessageDto>(TaskCreationOptions.RunContinuationsAsynchronously);
            bobOnB.On<MessageDto[]>("MessagesCreated", frame => arrived.TrySetResult(Assert.Single(frame)));
            await bobOnB.StartAsync();

            var response = await Nodes.Authorized(a, ann.Token).PostAsJsonAsync($"/api/v1/chat/rooms/{room!.Id}/messages",
                new { clientMessageId = "across-nodes", text = "hello from node A" });
            var sent = (await response.Content.ReadFromJsonAsync<MessageDto>())!;

            var received = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(sent, received);
        }
        finally
        {
            await HostProcessTests.ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    [Fact]
    public async Task Presence_and_typing_of_a_user_on_node_B_reach_a_client_on_node_A()
    {
        var database = await Nodes.CreateDatabaseAsync("presence");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: false));
            using var a = new HttpClient { BaseAddress = nodeA.Address };
            var ann = await Nodes.RegisterAndLoginAsync(a);
            var bob = await Nodes.RegisterAndLoginAsync(a);
            var room = (await (await Nodes.Authorized(a, ann.Token).PutAsync($"/api/v1/chat/direct/{bob.Id}", null)).Content.ReadFromJsonAsync<RoomDto>())!;

            await using var annOnA = Nodes.Hub(nodeA.Address!, ann.Token);
            var online = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            var typing = new TaskCompletionSource<System.Text.Json.JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            annOnA.On<System.Text.Json.JsonElement>("PresenceChanged", change => online.TrySetResult(change));
            annOnA.On<System.Text.Json.JsonElement>("Typing", signal => typing.TrySetResult(signal));
            await annOnA.StartAsync();

            await using var bobOnB = Nodes.Hub(nodeB.Address!, bob.Token);
            await bobOnB.StartAsync();
            var presence = await online.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(bob.Id, presence.GetProperty("userId").GetGuid());
            Assert.True(presence.GetProperty("online").GetBoolean());

            await bobOnB.InvokeAsync("Typing", room.Id);
            var signal = await typing.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(room.Id, signal.GetProperty("roomId").GetGuid());
            Assert.Equal(bob.Id, signal.GetProperty("userId").GetGuid());
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    /// <summary>
    /// Group changes (rename, topic, a role change, a join by invite link) made through node A reach a member whose phone
    /// is on node B live, in sequence order, and each one's number matches the room's stored events.
    /// </summary>
    [Fact]
    public async Task Group_changes_made_on_node_A_reach_a_member_on_node_B_live_and_in_sequence()
    {
        var database = await Nodes.CreateDatabaseAsync("groups");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: false));
            using var a = new HttpClient { BaseAddress = nodeA.Address };
            var owner = await Nodes.RegisterAndLoginAsync(a);
            var ann = await Nodes.RegisterAndLoginAsync(a);
            var carl = await Nodes.RegisterAndLoginAsync(a);
            var created = await Nodes.Authorized(a, owner.Token).PostAsJsonAsync("/api/v1/chat/rooms", new { name = "판교역 모임", memberIds = new[] { ann.Id } });
            var room = (await created.Content.ReadFromJsonAsync<RoomDto>())!;

            var changes = Channel.CreateUnbounded<(string Event, System.Text.Json.JsonElement Payload)>();
            await using var annOnB = Nodes.Hub(nodeB.Address!, ann.Token);
            annOnB.On<System.Text.Json.JsonElement>("RoomChanged", e => changes.Writer.TryWrite(("RoomChanged", e)));
            annOnB.On<System.Text.Json.JsonElement>("MembershipChanged", e => changes.Writer.TryWrite(("MembershipChanged", e)));
            await annOnB.StartAsync();

            using var asOwner = Nodes.Authorized(new HttpClient { BaseAddress = nodeA.Address }, owner.Token);
            using var asCarl = Nodes.Authorized(new HttpClient { BaseAddress = nodeA.Address }, carl.Token);
            (await asOwner.PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}", new { name = "Team 판교", topic = "Café à 7시" })).EnsureSuccessStatusCode();
            (await asOwner.PutAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/members/{ann.Id}/role", new { role = "admin" })).EnsureSuccessStatusCode();
            var invite = await (await asOwner.PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/invites", new { maxUses = 1 })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            (await asCarl.PostAsync($"/api/v1/chat/invites/{invite.GetProperty("code").GetString()}/join", null)).EnsureSuccessStatusCode();

            var live = new List<(string Event, string? Kind, long Seq)>();
            while (live.Count < 4)
            {
                var (name, payload) = await changes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
                live.Add((name, payload.GetProperty("kind").GetString(), payload.GetProperty("seq").GetInt64()));
            }

            Assert.Equal(
                [("RoomChanged", "room.renamed"), ("RoomChanged", "room.topic_changed"), ("RoomChanged", "member.role_changed"), ("MembershipChanged", "member.joined")],
                live.Select(e => (e.Event, e.Kind)));
            Assert.Equal(Enumerable.Range(0, 4).Select(i => room.LastSeq + 1 + i), live.Select(e => e.Seq));

            using var asAnn = Nodes.Authorized(new HttpClient { BaseAddress = nodeB.Address }, ann.Token);
            var sync = await (await asAnn.PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [room.Id] = room.LastSeq } }))
                .Content.ReadFromJsonAsync<SyncDto>();
            Assert.Equal(live.Select(e => (e.Kind, e.Seq)), sync!.Rooms.Single().Events.Select(e => ((string?)e.Kind, e.Seq)));
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    /// <summary>
    /// Ann's phone is on node A while Bob sends through node B. Node A is killed mid-stream; the phone reconnects to node
    /// B and catches up with a sync. Its view must end equal to the database, and node B keeps serving throughout.
    /// </summary>
    [Fact]
    public async Task Killing_a_node_while_clients_send_loses_nothing_once_its_clients_move_to_the_other_node()
    {
        var database = "chatapp_t_kill_" + Guid.NewGuid().ToString("N")[..12];
        await HostProcessTests.ExecuteAsync($"CREATE DATABASE `{database}`");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        Dictionary<string, string> Environment(bool migrate) => Nodes.Environment(database, prefix, migrate);
        try
        {
            var nodeA = await HostProcess.StartServerAsync(Environment(migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Environment(migrate: false));
            using var b = new HttpClient { BaseAddress = nodeB.Address };
            var ann = await Nodes.RegisterAndLoginAsync(b);
            var bob = await Nodes.RegisterAndLoginAsync(b);
            var room = (await (await Nodes.Authorized(b, bob.Token).PutAsync($"/api/v1/chat/direct/{ann.Id}", null)).Content.ReadFromJsonAsync<RoomDto>())!;
            var view = new SortedDictionary<long, Guid>();
            var received = Channel.CreateUnbounded<MessageDto>();

            var onA = await ConnectAsync(nodeA.Address!, ann.Token, received);
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stream = Task.Run(async () =>
            {
                using var sender = new HttpClient { BaseAddress = nodeB.Address };
                sender.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bob.Token);
                for (var i = 0; i < 30; i++)
                {
                    if (i == 10)
                    {
                        await killed.Task; // the rest is sent after node A died
                    }

                    var response = await sender.PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages", new { clientMessageId = $"k{i}", text = $"m{i}" });
                    response.EnsureSuccessStatusCode();
                }
            });

            for (var i = 0; i < 5; i++)
            {
                var message = await received.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
                view.TryAdd(message.Seq, message.Id);
            }

            await nodeA.DisposeAsync(); // killed mid-stream
            await onA.DisposeAsync();
            killed.SetResult();
            await using var onB = await ConnectAsync(nodeB.Address!, ann.Token, received);
            await stream;

            using var annOnB = new HttpClient { BaseAddress = nodeB.Address };
            annOnB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ann.Token);
            var sync = await (await annOnB.PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [room.Id] = view.ContiguousEnd(room.LastSeq) } }))
                .Content.ReadFromJsonAsync<SyncDto>();
            foreach (var e in sync!.Rooms.SelectMany(r => r.Events).Where(e => e.Kind == "message.created"))
            {
                view.TryAdd(e.Seq, e.Message!.Id);
            }

            while (received.Reader.TryRead(out var late))
            {
                view.TryAdd(late.Seq, late.Id);
            }

            var truth = (await annOnB.GetFromJsonAsync<MessagePageDto>($"/api/v1/chat/rooms/{room.Id}/messages?limit=100"))!;
            Assert.Equal(30, truth.Messages.Count);
            Assert.Equal(truth.Messages.Select(m => (m.Seq, m.Id)), view.Select(kv => (kv.Key, kv.Value)));
        }
        finally
        {
            await HostProcessTests.ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    private static async Task<HubConnection> ConnectAsync(Uri node, string token, Channel<MessageDto> received)
    {
        var connection = Nodes.Hub(node, token);
        connection.On<MessageDto[]>("MessagesCreated", frame =>
        {
            foreach (var message in frame)
            {
                received.Writer.TryWrite(message);
            }
        });
        await connection.StartAsync();
        return connection;
    }
}
