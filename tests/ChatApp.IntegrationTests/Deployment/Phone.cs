using System.Net.Http.Json;
using ChatApp.IntegrationTests.Chat;
using ChatApp.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.IntegrationTests.Deployment;

/// <summary>
/// What the mobile app does with one room, through nginx: a hub connection (WebSockets, negotiation skipped, JSON,
/// automatic reconnection), a view of the room's messages by sequence number from the live events, and a catch-up
/// (<c>POST /chat/sync</c>) after every reconnect and whenever a live event shows a gap, as docs/api.md asks.
/// </summary>
public sealed class Phone : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Guid _room;
    private readonly long _start;
    private readonly SortedDictionary<long, Guid> _view = [];
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private readonly List<string> _reconnecting = [];
    private int _reconnected;

    private Phone(HttpClient http, HubConnection connection, RoomDto room)
    {
        _http = http;
        Connection = connection;
        _room = room.Id;
        _start = room.LastSeq;
        connection.On<MessageDto[]>("MessagesCreated", frame =>
        {
            bool gap;
            lock (_view)
            {
                foreach (var message in frame.Where(m => m.RoomId == _room))
                {
                    _view.TryAdd(message.Seq, message.Id);
                }

                gap = _view.Count > 0 && _view.Keys.Last() > _view.ContiguousEnd(_start);
            }

            if (gap)
            {
                _ = Task.Run(SyncAsync);
            }
        });
        connection.Reconnecting += error =>
        {
            lock (_reconnecting)
            {
                _reconnecting.Add(error?.Message ?? "no reason");
            }

            return Task.CompletedTask;
        };
        connection.Reconnected += async _ =>
        {
            Interlocked.Increment(ref _reconnected);
            await SyncAsync();
        };
    }

    public HubConnection Connection { get; }

    /// <summary>Why the connection was dropped each time it started reconnecting.</summary>
    public IReadOnlyList<string> Reconnecting
    {
        get
        {
            lock (_reconnecting)
            {
                return [.. _reconnecting];
            }
        }
    }

    public int Reconnected => Volatile.Read(ref _reconnected);

    public static async Task<Phone> ConnectAsync(Uri nginx, string token, RoomDto room)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(nginx, "/hubs/chat"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)])
            .Build();
        var http = Nodes.Authorized(new HttpClient { BaseAddress = nginx }, token);
        var phone = new Phone(http, connection, room);
        await connection.StartAsync();
        return phone;
    }

    /// <summary>The messages the phone holds: sequence number to message id.</summary>
    public IReadOnlyDictionary<long, Guid> View()
    {
        lock (_view)
        {
            return new SortedDictionary<long, Guid>(_view);
        }
    }

    public async Task SyncAsync()
    {
        await _syncing.WaitAsync();
        try
        {
            long from;
            lock (_view)
            {
                from = _view.ContiguousEnd(_start);
            }

            using var response = await _http.PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [_room] = from } });
            if (!response.IsSuccessStatusCode)
            {
                return; // as the app: the next reconnect or gap syncs again
            }

            var sync = (await response.Content.ReadFromJsonAsync<SyncDto>())!;
            lock (_view)
            {
                foreach (var e in sync.Rooms.Where(r => r.RoomId == _room).SelectMany(r => r.Events).Where(e => e.Kind == "message.created"))
                {
                    _view.TryAdd(e.Seq, e.Message!.Id);
                }
            }
        }
        finally
        {
            _syncing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _http.Dispose();
        _syncing.Dispose();
    }
}
