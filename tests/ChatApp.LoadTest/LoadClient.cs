using ChatApp.Client.Chat;
using System.Diagnostics;
using System.Globalization;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.LoadTest;

/// <summary>
/// One simulated phone: a user with one authenticated WebSocket connection, member of one room. It records when each
/// of its messages was due, sent, acknowledged (or failed), and which messages of others reached it, how late, and in
/// what order per room. Times are Stopwatch ticks; 0 means "never".
/// </summary>
internal sealed class LoadClient(int index, LoadUser user, int room, Guid roomId)
{
    private static readonly MessagePackSerializerOptions Contractless = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance);

    private readonly object _gate = new();
    private readonly HashSet<long> _received = [];
    private readonly List<(long Due, long At)> _deliveries = [];
    private readonly Dictionary<Guid, RoomOrder> _rooms = [];
    private readonly Dictionary<string, int> _failures = [];
    private long[] _due = [];
    private long[] _sentAt = [];
    private long[] _ackedAt = [];
    private long[] _failedAt = [];
    private long[] _ackedSeq = [];
    private HubConnection? _connection;
    private long _arrivals;
    private bool _stopping;

    public int Index { get; } = index;

    public LoadUser User { get; } = user;

    public int Room { get; } = room;

    public Guid RoomId { get; } = roomId;

    /// <summary>Messages sent so far (touched only by the send loop).</summary>
    public int Sent { get; private set; }

    public int Acked { get; private set; }

    public int Failed { get; private set; }

    public int Duplicates { get; private set; }

    /// <summary>Times the connection closed by itself (not at the end of the run).</summary>
    public int Disconnects { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Messages of a frame the tool could not take in (a bug of the tool, or an unexpected frame).</summary>
    public int HandlerErrors { get; private set; }

    /// <summary>Every frame entry that reached this client (own echoes and duplicates included); for the drain.</summary>
    public long Arrivals => Interlocked.Read(ref _arrivals);

    /// <summary>When message n of client <c>sender</c> was due; set once all clients exist.</summary>
    public Func<int, int, long>? DueOf { get; set; }

    public long DueAt(int n) => _due[n];

    public long SentAt(int n) => _sentAt[n];

    public long AckedAt(int n) => Volatile.Read(ref _ackedAt[n]);

    public long FailedAt(int n) => Volatile.Read(ref _failedAt[n]);

    /// <summary>The seq the server gave message n (its answer to SendMessage), 0 if not acknowledged.</summary>
    public long AckedSeq(int n) => Volatile.Read(ref _ackedSeq[n]);

    public bool HasReceived(int sender, int n)
    {
        lock (_gate)
        {
            return _received.Contains(Key(sender, n));
        }
    }

    /// <summary>Messages of others that reached this client: when each was due and when it came.</summary>
    public IReadOnlyList<(long Due, long At)> Deliveries()
    {
        lock (_gate)
        {
            return [.. _deliveries];
        }
    }

    /// <summary>Failed sends by error message (the first 20 distinct messages; the rest as "(other)").</summary>
    public IReadOnlyDictionary<string, int> Failures()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_failures);
        }
    }

    /// <summary>Per room (by id), the order in which this client saw its messages.</summary>
    public IReadOnlyDictionary<Guid, RoomOrder> Rooms()
    {
        lock (_gate)
        {
            return new Dictionary<Guid, RoomOrder>(_rooms);
        }
    }

    public async Task ConnectAsync(Uri server, bool messagePack, int capacity)
    {
        _due = new long[capacity];
        _sentAt = new long[capacity];
        _ackedAt = new long[capacity];
        _failedAt = new long[capacity];
        _ackedSeq = new long[capacity];
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/chat"), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.AccessTokenProvider = () => Task.FromResult<string?>(User.AccessToken);
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol(o => o.SerializerOptions = Contractless);
        }

        _connection = builder.Build();
        _connection.ServerTimeout = TimeSpan.FromMinutes(2);
        _connection.On<Message[]>("MessagesCreated", frame =>
        {
            foreach (var message in frame)
            {
                try
                {
                    OnMessage(message);
                }
                catch (Exception ex) when (ex is FormatException or IndexOutOfRangeException or InvalidOperationException)
                {
                    lock (_gate)
                    {
                        HandlerErrors++;
                        LastError = "reading a message: " + ex.Message;
                    }
                }
            }
        });
        _connection.Closed += error =>
        {
            lock (_gate)
            {
                if (!_stopping)
                {
                    Disconnects++;
                    LastError = "connection closed: " + (error?.Message ?? "by the server");
                }
            }

            return Task.CompletedTask;
        };
        await _connection.StartAsync();
    }

    /// <summary>Sends message number <paramref name="n"/>, due at <paramref name="due"/> (Stopwatch ticks).</summary>
    public void Send(int n, long due)
    {
        _due[n] = due;
        _sentAt[n] = Stopwatch.GetTimestamp();
        Sent++;
        var clientMessageId = string.Create(CultureInfo.InvariantCulture, $"{Index}-{n}");
        var invocation = _connection!.InvokeAsync<Message>("SendMessage", RoomId, clientMessageId, "load message " + clientMessageId, null);
        _ = invocation.ContinueWith(task => OnAck(task, n), TaskScheduler.Default);
    }

    public async Task StopAsync()
    {
        lock (_gate)
        {
            _stopping = true;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void OnAck(Task<Message> task, int n)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (task.IsCompletedSuccessfully)
            {
                Acked++;
                Volatile.Write(ref _ackedSeq[n], task.Result.Seq);
                Volatile.Write(ref _ackedAt[n], now);
            }
            else
            {
                Failed++;
                LastError = task.Exception?.GetBaseException().Message ?? "cancelled";
                var reason = LastError.Length > 160 ? LastError[..160] : LastError;
                var key = _failures.ContainsKey(reason) || _failures.Count < 20 ? reason : "(other)";
                _failures[key] = _failures.GetValueOrDefault(key) + 1;
                Volatile.Write(ref _failedAt[n], now);
            }
        }
    }

    private void OnMessage(Message message)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _arrivals);
        var id = message.ClientMessageId.AsSpan();
        var dash = Math.Max(0, id.IndexOf('-'));
        var isLoad = int.TryParse(id[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var sender)
            & int.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n);
        lock (_gate)
        {
            if (!_rooms.TryGetValue(message.RoomId, out var order))
            {
                _rooms[message.RoomId] = order = new RoomOrder();
            }

            var firstTime = order.Observe(message.Seq);
            if (!isLoad || message.SenderId == User.Id)
            {
                return; // not a load message, or the echo of my own: it counts for the room's order only
            }

            if (!_received.Add(Key(sender, n)) || !firstTime)
            {
                Duplicates++;
                return;
            }

            _deliveries.Add((DueOf!(sender, n), now));
        }
    }

    private static long Key(int sender, int n) => ((long)sender << 32) | (uint)n;
}
