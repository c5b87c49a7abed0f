using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.IntegrationTests.Notifications.Fakes;

namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>
/// Two real host processes (Production, MariaDB + Redis) share the push work: both run a sender, both take due items
/// through leases. Thirty offline members of a group, half on Android and half on iOS (the APNs stand-in trusted
/// through SSL_CERT_FILE, as a node would trust a private CA), get their pushes with no message pushed twice to a device.
/// </summary>
public sealed class PushAcrossNodesTests
{
    [Fact]
    public async Task Two_instances_push_every_message_to_every_device_once()
    {
        await using var fcm = await FakeFcmServer.StartAsync();
        await using var apns = await FakeApnsServer.StartAsync();
        var database = await Nodes.CreateDatabaseAsync("push");
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        Dictionary<string, string> Environment(bool migrate)
        {
            var environment = Nodes.Environment(database, prefix, migrate);
            foreach (var (key, value) in fcm.EnvironmentVariables.Concat(apns.EnvironmentVariables))
            {
                environment[key] = value;
            }

            environment["Notifications__Delay"] = "00:00:01";
            environment["Notifications__PollInterval"] = "00:00:00.100";
            // Small passes: both nodes keep taking items of the same burst at the same time, so leases are contended.
            environment["Notifications__BatchSize"] = "3";
            return environment;
        }

        try
        {
            await using var nodeA = await HostProcess.StartServerAsync(Environment(migrate: true));
            await using var nodeB = await HostProcess.StartServerAsync(Environment(migrate: false));
            var nodes = new[] { nodeA, nodeB };
            var ann = await Nodes.RegisterAndLoginAsync(new HttpClient { BaseAddress = nodeA.Address });
            var members = new List<(Guid Id, string Token, string Device, bool Ios)>();
            for (var i = 0; i < 30; i++)
            {
                var node = nodes[i % 2];
                var member = await Nodes.RegisterAndLoginAsync(new HttpClient { BaseAddress = node.Address });
                var ios = i % 2 == 1;
                var device = ios ? FakeApnsServer.NewDeviceToken() : $"fcm_{Guid.NewGuid():N}:APA91b{i}";
                using var client = Nodes.Authorized(new HttpClient { BaseAddress = node.Address }, member.Token);
                using var registered = await client.PutAsJsonAsync(
                    "/api/v1/notifications/devices", new { platform = ios ? "ios" : "android", token = device, appId = FakeApnsServer.Topic });
                Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
                members.Add((member.Id, member.Token, device, ios));
            }

            using var annA = Nodes.Authorized(new HttpClient { BaseAddress = nodeA.Address }, ann.Token);
            using var annB = Nodes.Authorized(new HttpClient { BaseAddress = nodeB.Address }, ann.Token);
            using var created = await annA.PostAsJsonAsync("/api/v1/chat/rooms", new { name = "Everyone", memberIds = members.Select(m => m.Id).ToArray() });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var room = (await created.Content.ReadFromJsonAsync<RoomDto>())!;

            long lastSeq = 0;
            for (var i = 0; i < 6; i++)
            {
                using var sent = await (i % 2 == 0 ? annA : annB).PostAsJsonAsync(
                    $"/api/v1/chat/rooms/{room.Id}/messages", new { clientMessageId = $"m{i}", text = $"message {i}" });
                Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
                lastSeq = Math.Max(lastSeq, (await sent.Content.ReadFromJsonAsync<MessageDto>())!.Seq);
                if (i == 2)
                {
                    // A second burst once every device has had the first: a second push per device, taken by either node.
                    await WaitForEveryDeviceAsync(fcm, apns, members, lastSeq);
                }
            }

            // Every device hears of the last message...
            await WaitForEveryDeviceAsync(fcm, apns, members, lastSeq);

            // ...and no device was told of the same message twice, although both nodes were sending.
            var alerts = fcm.Accepted.All.Select(r => (Token: r.Token ?? "", Seq: r.Data?["seq"]?.GetValue<string>()))
                .Concat(apns.Accepted.All.Select(r => (r.Token, Seq: r.Payload?["seq"]?.ToString())))
                .ToList();
            Assert.Equal(alerts.Count, alerts.Distinct().Count());
        }
        finally
        {
            await Nodes.DropDatabaseAsync(database);
        }
    }

    /// <summary>Waits until every device was pushed a message at <paramref name="seq"/> or later (a push names the newest).</summary>
    private static async Task WaitForEveryDeviceAsync(FakeFcmServer fcm, FakeApnsServer apns, List<(Guid Id, string Token, string Device, bool Ios)> members, long seq)
    {
        foreach (var member in members)
        {
            if (member.Ios)
            {
                await apns.Accepted.WaitForAsync(
                    r => r.Token == member.Device && long.Parse(r.Payload!["seq"]!.ToString(), CultureInfo.InvariantCulture) >= seq, 1, TimeSpan.FromSeconds(90), $"seq {seq} on iOS");
            }
            else
            {
                await fcm.Accepted.WaitForAsync(
                    r => r.Token == member.Device && long.Parse(r.Data!["seq"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= seq, 1, TimeSpan.FromSeconds(90), $"seq {seq} on Android");
            }
        }
    }
}
