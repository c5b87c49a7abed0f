using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Deployment;

/// <summary>
/// A rolling deploy behind nginx: one of two instances gets SIGTERM while a sender keeps sending through nginx. The
/// drained instance tells its clients to reconnect; they come back through nginx (which now sends them to the other
/// instance) and catch up; every message is stored once and every phone ends up holding all of them.
/// </summary>
public sealed class NginxDrainTests
{
    private const int Messages = 40;
    private const int Readers = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_instance_drained_with_SIGTERM_moves_its_clients_through_nginx_to_the_other_and_they_catch_up_with_nothing_lost()
    {
        await using var deployment = await NginxDeployment.StartAsync("drain");
        using var http = deployment.Client();
        var sender = await Nodes.RegisterAndLoginAsync(http);
        var readers = new List<(Guid Id, string Token)>();
        for (var i = 0; i < Readers; i++)
        {
            readers.Add(await Nodes.RegisterAndLoginAsync(http));
        }

        using var senderHttp = deployment.Client(token: sender.Token);
        using var created = await senderHttp.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "deploy", memberIds = readers.Select(r => r.Id) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var room = (await created.Content.ReadFromJsonAsync<RoomDto>())!;

        // The phones connect through nginx, which spreads them over both instances (the fewest connections first).
        var phones = new List<(Phone Phone, HostProcess On)>();
        try
        {
            foreach (var reader in readers)
            {
                var (a, b) = (HubRequests(deployment.A), HubRequests(deployment.B));
                var phone = await Phone.ConnectAsync(deployment.Nginx.Address, reader.Token, room);
                HostProcess? on = null;
                await Eventually.Async(() =>
                {
                    on = HubRequests(deployment.A) > a ? deployment.A : HubRequests(deployment.B) > b ? deployment.B : null;
                    return Task.FromResult(on is not null);
                }, Patience, "an instance logs the connection");
                phones.Add((phone, on!));
            }

            var onA = phones.Where(p => p.On == deployment.A).Select(p => p.Phone).ToList();
            var onB = phones.Where(p => p.On == deployment.B).Select(p => p.Phone).ToList();
            Assert.NotEmpty(onA);
            Assert.NotEmpty(onB);
            var hubRequestsOnB = HubRequests(deployment.B);

            // The sender keeps sending through nginx; A gets SIGTERM once 10 are stored.
            var tenStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var sending = Task.Run(async () =>
            {
                for (var i = 0; i < Messages; i++)
                {
                    await SendAsync(senderHttp, room.Id, $"m{i}");
                    if (i == 9)
                    {
                        tenStored.SetResult();
                    }

                    await Task.Delay(50);
                }
            });
            await tenStored.Task.WaitAsync(Patience);
            var (exitCode, took) = await deployment.A.TerminateAsync(TimeSpan.FromSeconds(20));
            Assert.True(exitCode == 0, $"exit code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (killed)"} after {took}: {deployment.A.Output}");
            await sending.WaitAsync(TimeSpan.FromSeconds(90));

            // Stored once each, nothing lost.
            var truth = await HistoryAsync(senderHttp, room);
            Assert.Equal(Messages, truth.Count);
            Assert.Equal(Enumerable.Range(0, Messages).Select(i => $"m{i}").Order(StringComparer.Ordinal), truth.Select(m => m.ClientMessageId).Order(StringComparer.Ordinal));
            var expected = truth.ToDictionary(m => m.Seq, m => m.Id);

            // A's phones were told to reconnect and came back through nginx, to B; B's phones never noticed.
            foreach (var phone in onA)
            {
                await Eventually.Async(() => Task.FromResult(phone.Reconnected >= 1), Patience, "a phone of A reconnects through nginx");
                Assert.Contains(phone.Reconnecting, reason => reason.Contains("restarting", StringComparison.Ordinal));
            }

            Assert.True(HubRequests(deployment.B) >= hubRequestsOnB + onA.Count, "B took the reconnections");
            Assert.All(onB, phone => Assert.Empty(phone.Reconnecting));

            // Every phone holds every message: live, or caught up after its reconnect.
            foreach (var (phone, _) in phones)
            {
                await Eventually.Async(() => Task.FromResult(phone.View().Count >= Messages), Patience, "the phone holds every message");
                Assert.Equal(expected.OrderBy(kv => kv.Key), phone.View().OrderBy(kv => kv.Key));
            }
        }
        finally
        {
            foreach (var (phone, _) in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    private static int HubRequests(HostProcess instance) => NginxDeployment.Requests(instance, "GET", "/hubs/chat");

    /// <summary>As the app sends: a refusal (503 while an instance drains, 502 when it is gone) is retried with the same id.</summary>
    private static async Task SendAsync(HttpClient client, Guid room, string clientMessageId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/v1/chat/rooms/{room}/messages", new { clientMessageId, text = clientMessageId });
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                Assert.True(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.BadGateway or HttpStatusCode.TooManyRequests,
                    $"{clientMessageId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException)
            {
                // the connection went with the instance: retry
            }

            Assert.True(DateTime.UtcNow < deadline, $"{clientMessageId} was not stored within 30 s");
            await Task.Delay(200);
        }
    }

    private static async Task<List<MessageDto>> HistoryAsync(HttpClient client, RoomDto room)
    {
        var all = new List<MessageDto>();
        var after = room.LastSeq;
        while (true)
        {
            var page = (await client.GetFromJsonAsync<MessagePageDto>($"/api/v1/chat/rooms/{room.Id}/messages?after={after}&limit=100"))!;
            all.AddRange(page.Messages);
            if (!page.HasMore || page.Messages.Count == 0)
            {
                return all;
            }

            after = page.Messages[^1].Seq;
        }
    }
}
