using System.Diagnostics;
using System.Globalization;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.LoadTest;

/// <summary>The part of a message in the server's MessagesCreated frames the tool reads.</summary>
public sealed class MessageDto
{
    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    public string ClientMessageId { get; set; } = "";
}

/// <summary>
/// One simulated phone: a user with one WebSocket connection, member of one room. It records when each of its messages
/// was meant to be sent and acknowledged, and which messages of others reached it (and how late, and in what order).
/// </summary>
internal sealed class LoadClient(int index, LoadUser user, int room, Guid roomId)
{
    private static readonly MessagePackSerializerOptions Contractless = MessagePackSerializerOptions.Standard.WithResolver(ContractlessStandardResolver.Instance);

    private readonly object _gate = new();
    private readonly HashSet<long> _received = [];
    private long[] _scheduledAt = [];
    private bool[] _acked = [];
    private HubConnection? _connection;
    private long _lastSeq;

    public int Index { get; } = index;

    public LoadUser User { get; } = user;

    public int Room { get; } = room;

    public Guid RoomId { get; } = roomId;

    public int Sent { get; private set; }

    public int Acked { get; private set; }

    public int Failed { get; private set; }

    public string? LastError { get; private set; }

    public int Duplicates { get; private set; }

    public int OutOfOrder { get; private set; }

    public List<double> AckLatenciesMs { get; } = [];

    public List<double> DeliveryLatenciesMs { get; } = [];

    /// <summary>Messages of others received during the measured window.</summary>
    public int MeasuredDeliveries { get; private set; }

    public long MeasureFrom { get; set; } = long.MaxValue;

    public long MeasureUntil { get; set; } = long.MaxValue;

    public Func<int, int, long>? ScheduledAtOf { get; set; }

    public bool IsAcked(int n) => _acked[n];

    public long ReceivedCount
    {
        get
        {
            lock (_gate)
            {
                return _received.Count + Duplicates;
            }
        }
    }

    public bool HasReceived(int sender, int n)
    {
        lock (_gate)
        {
            return _received.Contains(Key(sender, n));
        }
    }

    public long ScheduledAt(int n) => _scheduledAt[n];

    public async Task ConnectAsync(Uri server, bool messagePack, int capacity)
    {
        _scheduledAt = new long[capacity];
        _acked = new bool[capacity];
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
        _connection.On<MessageDto[]>("MessagesCreated", frame =>
        {
            foreach (var message in frame)
            {
                OnMessage(message);
            }
        });
        await _connection.StartAsync();
    }

    /// <summary>Sends message number <paramref name="n"/>, meant to leave at <paramref name="scheduledAt"/> (Stopwatch ticks).</summary>
    public void Send(int n, long scheduledAt)
    {
        _scheduledAt[n] = scheduledAt;
        Sent++;
        var clientMessageId = string.Create(CultureInfo.InvariantCulture, $"{Index}-{n}");
        var invocation = _connection!.InvokeAsync<MessageDto>("SendMessage", RoomId, clientMessageId, "load message " + clientMessageId, null);
        _ = invocation.ContinueWith(task => OnAck(task, n, scheduledAt), TaskScheduler.Default);
    }

    public async Task StopAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private void OnAck(Task<MessageDto> task, int n, long scheduledAt)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (task.IsCompletedSuccessfully)
            {
                Acked++;
                _acked[n] = true;
                if (scheduledAt >= MeasureFrom && scheduledAt < MeasureUntil)
                {
                    AckLatenciesMs.Add(Stopwatch.GetElapsedTime(scheduledAt, now).TotalMilliseconds);
                }
            }
            else
            {
                Failed++;
                LastError = task.Exception?.GetBaseException().Message;
            }
        }
    }

    private void OnMessage(MessageDto message)
    {
        var now = Stopwatch.GetTimestamp();
        var dash = message.ClientMessageId.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || message.SenderId == User.Id)
        {
            return; // the echo of my own message, or not a load message
        }

        var sender = int.Parse(message.ClientMessageId.AsSpan(0, dash), CultureInfo.InvariantCulture);
        var n = int.Parse(message.ClientMessageId.AsSpan(dash + 1), CultureInfo.InvariantCulture);
        var scheduledAt = ScheduledAtOf!(sender, n);
        lock (_gate)
        {
            if (!_received.Add(Key(sender, n)))
            {
                Duplicates++;
                return;
            }

            if (message.Seq <= _lastSeq)
            {
                OutOfOrder++;
            }

            _lastSeq = Math.Max(_lastSeq, message.Seq);
            if (scheduledAt >= MeasureFrom && scheduledAt < MeasureUntil)
            {
                MeasuredDeliveries++;
                DeliveryLatenciesMs.Add(Stopwatch.GetElapsedTime(scheduledAt, now).TotalMilliseconds);
            }
        }
    }

    private static long Key(int sender, int n) => ((long)sender << 32) | (uint)n;
}
