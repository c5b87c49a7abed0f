using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>
/// A real node with a tiny send queue (4), hit by far more sends at once than it takes: beyond capacity it refuses the
/// documented way (hub error <c>chat.overloaded</c> with a retry hint, 429 with Retry-After on REST), loses no
/// acknowledged message, stores nothing it refused (a retry with the same id stores it once), logs a summary rather than
/// a line per refusal, and answers the next send at normal speed.
/// </summary>
public sealed class OverloadTests
{
    private const int Users = 10;
    private const int SendsPerConnection = 40;

    [Fact]
    public async Task Beyond_capacity_sends_are_refused_with_a_retry_hint_and_nothing_acknowledged_is_lost()
    {
        var database = await Nodes.CreateDatabaseAsync("overload");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        var environment = Nodes.Environment(database, prefix, migrate: true);
        environment["Chat__SendQueueLimit"] = "4";
        environment["Chat__SendBatchMaxSize"] = "4";
        environment["Chat__SendRateLimit__Burst"] = "100000";
        environment["Chat__SendRateLimit__PerPeriod"] = "100000";
        try
        {
            await using var node = await HostProcess.StartServerAsync(environment);
            using var http = new HttpClient { BaseAddress = node.Address };
            var users = new List<(Guid Id, string Token)>();
            for (var i = 0; i < Users; i++)
            {
                users.Add(await Nodes.RegisterAndLoginAsync(http));
            }

            using var owner = Nodes.Authorized(new HttpClient { BaseAddress = node.Address }, users[0].Token);
            var created = await owner.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "busy", memberIds = users.Skip(1).Select(u => u.Id) });
            var room = (await created.Content.ReadFromJsonAsync<RoomDto>())!.Id;

            var live = new ConcurrentDictionary<string, byte>();
            await using var listener = Nodes.Hub(node.Address!, users[0].Token);
            listener.On<MessageDto[]>("MessagesCreated", frame =>
            {
                foreach (var message in frame)
                {
                    live.TryAdd(message.ClientMessageId, 0);
                }
            });
            await listener.StartAsync();
            var senders = new List<HubConnection>();
            foreach (var user in users)
            {
                var connection = Nodes.Hub(node.Address!, user.Token);
                await connection.StartAsync();
                senders.Add(connection);
            }

            // One phone alone fires 40 sends at once: with 32 calls in flight per connection, more than 4 wait.
            var alone = await Task.WhenAll(Enumerable.Range(0, 40).Select(async n =>
            {
                try
                {
                    await senders[0].InvokeAsync<MessageDto>("SendMessage", room, $"alone-{n}", "burst", null);
                    return true;
                }
                catch (HubException ex) when (ex.Message.Contains("chat.overloaded", StringComparison.Ordinal))
                {
                    return false;
                }
            }));
            Assert.Contains(false, alone);
            Assert.Contains(true, alone);
            var aloneStored = alone.Count(stored => stored);

            // Hub and REST at once, far more than a queue of 4 holds.
            var acked = new ConcurrentDictionary<string, Guid>();
            var refused = new ConcurrentDictionary<string, string>();
            var retryAfter = new ConcurrentBag<string>();
            var hubBurst = Enumerable.Range(0, Users).SelectMany(i => Enumerable.Range(0, SendsPerConnection).Select(async n =>
            {
                var id = $"hub-{i}-{n}";
                try
                {
                    acked[id] = (await senders[i].InvokeAsync<MessageDto>("SendMessage", room, id, "burst", null)).Id;
                }
                catch (HubException ex)
                {
                    // SignalR prefixes the server's message: "An unexpected error occurred invoking 'SendMessage' on the server. HubException: chat.overloaded: ..."
                    refused[id] = ex.Message[(ex.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];
                }
            }));
            var restBurst = Enumerable.Range(0, 60).Select(async n =>
            {
                var id = $"rest-{n}";
                using var client = Nodes.Authorized(new HttpClient { BaseAddress = node.Address }, users[n % Users].Token);
                var response = await client.PostAsJsonAsync($"/api/v1/chat/rooms/{room}/messages", new { clientMessageId = id, text = "burst" });
                if (response.IsSuccessStatusCode)
                {
                    acked[id] = (await response.Content.ReadFromJsonAsync<MessageDto>())!.Id;
                    return;
                }

                Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                refused[id] = problem.GetProperty("code").GetString()! + ": " + problem.GetProperty("detail").GetString();
                retryAfter.Add(response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
            });
            await Task.WhenAll(hubBurst.Concat(restBurst));

            Assert.Contains(refused.Keys, k => k.StartsWith("hub-", StringComparison.Ordinal));
            var unexpected = refused.Values.Where(m => !m.StartsWith("chat.overloaded: The server is busy. Retry in 1 s", StringComparison.Ordinal)).ToList();
            Assert.True(unexpected.Count == 0, $"{unexpected.Count} unexpected refusals, e.g. {unexpected.FirstOrDefault()}; the node said: {node.Output}");
            Assert.All(retryAfter, seconds => Assert.Equal("1", seconds));
            Assert.Equal(Users * SendsPerConnection + 60, acked.Count + refused.Count);

            // Acknowledged means stored and delivered; refused means not stored.
            var stored = await Nodes.MessagesAsync(owner, room);
            Assert.Subset(stored.Keys.ToHashSet(), acked.Keys.ToHashSet());
            Assert.DoesNotContain(refused.Keys, stored.ContainsKey);
            await Eventually.Async(() => Task.FromResult(acked.Keys.All(live.ContainsKey)), TimeSpan.FromSeconds(60), "every acknowledged message was delivered");

            // The app retries each refused send with the same id after the hint: stored once each.
            await Task.Delay(TimeSpan.FromSeconds(1));
            foreach (var id in refused.Keys)
            {
                var message = await senders[0].InvokeAsync<MessageDto>("SendMessage", room, id, "burst", null);
                Assert.Equal(id, message.ClientMessageId);
            }

            stored = await Nodes.MessagesAsync(owner, room);
            Assert.Equal(Users * SendsPerConnection + 60 + aloneStored, stored.Count);

            // Back to normal at once.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await senders[1].InvokeAsync<MessageDto>("SendMessage", room, "after-the-storm", "calm", null);
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1));

            // One summary line instead of a line per refusal, and no Redis timeouts.
            await Eventually.Async(() => Task.FromResult(node.Output.Contains("refused with chat.overloaded in the last 10 s", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(15), "the refusals were summarised");
            var lines = node.Output.Split('\n');
            Assert.True(lines.Count(l => l.Contains("chat.overloaded", StringComparison.Ordinal)) <= 4, node.Output);
            Assert.DoesNotContain(lines, l => l.Contains("Timeout", StringComparison.OrdinalIgnoreCase));

            foreach (var sender in senders)
            {
                await sender.DisposeAsync();
            }
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }
}
