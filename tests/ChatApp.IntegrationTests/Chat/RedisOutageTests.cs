using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace ChatApp.IntegrationTests.Chat;

/// <summary>A host whose Redis (backplane, Hangfire) is a redis-server of this test's own, so it can be stopped and restarted.</summary>
public sealed class OwnRedisFactory : ChatAppFactory
{
    private readonly int _port = FreePort();
    private Process? _redis;

    public string RedisAddress => $"127.0.0.1:{_port}";

    public override async Task InitializeAsync()
    {
        await StartRedisAsync();
        await base.InitializeAsync();
    }

    public async Task StartRedisAsync()
    {
        _redis = Process.Start(new ProcessStartInfo("redis-server",
            $"--port {_port} --bind 127.0.0.1 --save \"\" --appendonly no") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        _redis.OutputDataReceived += (_, _) => { };
        _redis.BeginOutputReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, _port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("redis-server did not start");
    }

    public async Task StopRedisAsync()
    {
        if (_redis is { HasExited: false })
        {
            _redis.Kill(entireProcessTree: true);
            await _redis.WaitForExitAsync();
        }
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        base.ConfigureSettings(builder);
        builder.UseSetting("ConnectionStrings:Redis", RedisAddress);
    }

    protected override async Task DropDatabaseAsync()
    {
        await base.DropDatabaseAsync();
        await StopRedisAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class RedisOutageTests(OwnRedisFactory factory) : IntegrationTest<OwnRedisFactory>(factory)
{
    /// <summary>
    /// Redis goes away while Bob sends and comes back. Sends keep working (the database is the truth); the phone keeps
    /// what arrives live, fills any gap it detects with a sync, and syncs once more when the stream goes quiet, as the app
    /// does. Its view must end equal to the database.
    /// </summary>
    [Fact]
    public async Task Restarting_redis_while_clients_send_loses_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        await using var phone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var view = new SortedDictionary<long, Guid>();

        for (var i = 0; i < 5; i++)
        {
            await Chat.SendAsync(bob, room.Id, $"before {i}");
        }

        await CollectLiveAsync(phone, view, ann, room, expected: 5);

        await Factory.StopRedisAsync();
        for (var i = 0; i < 3; i++)
        {
            var during = await Chat.PostMessageAsync(bob, room.Id, $"during {i}");
            Assert.Equal(HttpStatusCode.Created, during.StatusCode); // stored although the doorbell is broken
        }

        await Factory.StartRedisAsync();
        for (var i = 0; i < 5; i++)
        {
            await Chat.SendAsync(bob, room.Id, $"after {i}");
        }

        await CollectLiveAsync(phone, view, ann, room, expected: 13);

        // The backplane reconnects by itself: a new message arrives live again.
        var last = await Chat.SendAsync(bob, room.Id, "live again");
        var live = await phone.NextAsync(HubClient.MessageCreated, TimeSpan.FromSeconds(30));
        while (live.GetProperty("id").GetGuid() != last.Id)
        {
            live = await phone.NextAsync(HubClient.MessageCreated, TimeSpan.FromSeconds(30));
        }

        view.TryAdd(last.Seq, last.Id);
        var truth = await Chat.HistoryAsync(ann, room.Id, "?limit=100");
        Assert.Equal(14, truth.Messages.Count);
        Assert.Equal(truth.Messages.Select(m => (m.Seq, m.Id)), view.Select(kv => (kv.Key, kv.Value)));
    }

    /// <summary>Applies live events; syncs when a gap shows or when nothing arrives for a while; stops at the expected count.</summary>
    private async Task CollectLiveAsync(HubClient phone, SortedDictionary<long, Guid> view, TestUser me, RoomDto room, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (view.Count < expected && DateTime.UtcNow < deadline)
        {
            try
            {
                var e = await phone.NextAsync(HubClient.MessageCreated, TimeSpan.FromSeconds(3));
                var seq = e.GetProperty("seq").GetInt64();
                view.TryAdd(seq, e.GetProperty("id").GetGuid());
                if (seq > view.ContiguousEnd(room.LastSeq) + 1)
                {
                    await SyncAsync(view, me, room);
                }
            }
            catch (TimeoutException)
            {
                await SyncAsync(view, me, room); // quiet: check for anything missed
            }
        }
    }

    private async Task SyncAsync(SortedDictionary<long, Guid> view, TestUser me, RoomDto room)
    {
        var cursor = new Dictionary<Guid, long> { [room.Id] = view.ContiguousEnd(room.LastSeq) };
        var sync = await (await Api.As(me).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = cursor })).Content.ReadFromJsonAsync<SyncDto>();
        foreach (var e in sync!.Rooms.SelectMany(r => r.Events).Where(e => e.Kind == "message.created"))
        {
            view.TryAdd(e.Seq, e.Message!.Id);
        }
    }
}
