using System.Collections.Concurrent;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>
/// Two real nodes; one is stopped with SIGTERM (a rolling deploy) while its clients send as fast as they can. It stops
/// taking sends, stores and acknowledges what it accepted, tells its clients to reconnect (elsewhere), and exits within
/// 10 s; every acknowledged message is in the database, and retrying the rest on the other node stores each exactly once.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Senders = 4;

    [Fact]
    public async Task Sigterm_under_load_acknowledges_only_what_is_stored_tells_clients_to_reconnect_and_exits_within_10_s()
    {
        var database = await Nodes.CreateDatabaseAsync("sigterm");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        try
        {
            var nodeA = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Nodes.Environment(database, prefix, migrate: false));
            using var http = new HttpClient { BaseAddress = nodeB.Address };
            var users = new List<(Guid Id, string Token)>();
            for (var i = 0; i <= Senders; i++)
            {
                users.Add(await Nodes.RegisterAndLoginAsync(http));
            }

            using var owner = Nodes.Authorized(new HttpClient { BaseAddress = nodeB.Address }, users[Senders].Token);
            var created = await owner.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "deploy", memberIds = users.Take(Senders).Select(u => u.Id) });
            var room = (await created.Content.ReadFromJsonAsync<RoomDto>())!.Id;

            var told = new ConcurrentBag<string>();
            var connections = new List<HubConnection>();
            for (var i = 0; i < Senders; i++)
            {
                // Behind a load balancer the reconnect lands on node B; here we only watch it start.
                var connection = Nodes.Hub(nodeA.Address!, users[i].Token, reconnectAfter: TimeSpan.FromMinutes(5));
                connection.Reconnecting += error =>
                {
                    told.Add(error?.Message ?? "no reason");
                    return Task.CompletedTask;
                };
                await connection.StartAsync();
                connections.Add(connection);
            }

            // Every sender keeps 8 sends in flight until its connection goes.
            var acked = new ConcurrentDictionary<string, Guid>();
            var failures = new ConcurrentDictionary<string, string>();
            var stop = new CancellationTokenSource();
            var sending = Enumerable.Range(0, Senders).Select(i => Task.Run(async () =>
            {
                var n = 0;
                var inFlight = new List<Task>();
                while (!stop.IsCancellationRequested && connections[i].State == HubConnectionState.Connected)
                {
                    var id = $"s{i}-{n++}";
                    inFlight.Add(SendAsync(connections[i], room, id, acked, failures));
                    if (inFlight.Count >= 8)
                    {
                        inFlight.Remove(await Task.WhenAny(inFlight));
                    }
                }

                await Task.WhenAll(inFlight);
            })).ToList();

            // Under load: the signal comes once the senders have had 40 sends acknowledged.
            await Eventually.Async(() => Task.FromResult(acked.Count >= 40), TimeSpan.FromSeconds(15), "the senders are sending");
            var (exitCode, took) = await nodeA.TerminateAsync(TimeSpan.FromSeconds(20));
            await stop.CancelAsync();
            await Task.WhenAll(sending).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (killed)"} after {took}: {nodeA.Output}");
            Assert.True(took < TimeSpan.FromSeconds(10), $"took {took}");
            Assert.Contains("connection(s) to reconnect elsewhere", nodeA.Output, StringComparison.Ordinal);
            Assert.Equal(Senders, told.Count);
            Assert.True(told.All(reason => reason.Contains("restarting", StringComparison.Ordinal)), string.Join("\n", told));
            var kinds = failures.Values.GroupBy(r => r.Length > 120 ? r[..120] : r).ToDictionary(g => g.Key, g => g.Count());
            // Refused while draining, or unanswered when the connection was closed (sent after the drain): never a reset.
            string[] expected = ["chat.server_restarting:", "The server closed the connection with the following error: This server is restarting", "connection is not active", "connection being closed"];
            Assert.True(kinds.Keys.All(reason => expected.Any(e => reason.Contains(e, StringComparison.Ordinal))),
                string.Join("\n", kinds.Select(k => $"{k.Value} x {k.Key}")) + "\n" + nodeA.Output);

            // Every acknowledged message is stored; the app retries the others on the other node with the same ids.
            var stored = await Nodes.MessagesAsync(owner, room);
            Assert.Subset(stored.Keys.ToHashSet(), acked.Keys.ToHashSet());
            foreach (var (id, storedId) in acked)
            {
                Assert.Equal(storedId, stored[id]);
            }

            for (var i = 0; i < Senders; i++)
            {
                using var retry = Nodes.Authorized(new HttpClient { BaseAddress = nodeB.Address }, users[i].Token);
                foreach (var id in failures.Keys.Where(k => k.StartsWith($"s{i}-", StringComparison.Ordinal)))
                {
                    var response = await retry.PostAsJsonAsync($"/api/v1/chat/rooms/{room}/messages", new { clientMessageId = id, text = "deploy" });
                    response.EnsureSuccessStatusCode();
                }
            }

            stored = await Nodes.MessagesAsync(owner, room);
            Assert.Equal(acked.Count + failures.Count, stored.Count);

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    private static async Task SendAsync(HubConnection connection, Guid room, string id, ConcurrentDictionary<string, Guid> acked, ConcurrentDictionary<string, string> failures)
    {
        try
        {
            acked[id] = (await connection.InvokeAsync<MessageDto>("SendMessage", room, id, "deploy", null)).Id;
        }
        catch (Exception ex) when (ex is HubException or InvalidOperationException or OperationCanceledException or System.Net.WebSockets.WebSocketException)
        {
            // Refused (nothing stored), or the connection went before the answer came (stored or not: the app retries).
            failures[id] = ex.GetType().Name + ": " + ex.Message;
        }
    }
}
