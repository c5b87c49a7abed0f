using System.Globalization;

namespace ChatApp.LoadTest;

/// <summary>Command line of the load tool; see <c>--help</c>.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        ChatApp load tool: drives real ChatApp servers over SignalR (WebSockets) and reports loss, order, latency and
        server cost, overall and per time window counted from the server process's start.

        Load (the default mode):
          --urls URL[,URL]          servers; client i connects to URL[i mod n]         (default http://127.0.0.1:5080)
          --clients C               sending clients, one user and one connection each   (default 200)
          --room-size K             members per group room; C must be a multiple of K   (default 10)
          --rate R                  messages per second per client                      (default 5)
          --warmup W                seconds of sending at R before measuring            (default 5)
          --duration T              seconds of sending at R that are measured           (default 30)
          --phases SxR[,SxR...]     instead of --rate/--warmup/--duration: S seconds at R msg/s per client, then the
                                    next phase (e.g. 20x5,60x10,30x2.5; R = 0 pauses); every phase is measured
          --drain D                 after sending, stop once no delivery came for D s    (default 5)
          --protocol json|messagepack                                                   (default json)
          --offline-per-room N      every room also gets N members who never connect a hub (offline: Chat records pending
                                    notifications for them) and each registers an Android push device; with
                                    --fcm-standin the run then waits for their pushes and reports them    (default 0)
          --setup-only FILE         register the users, make the rooms, write both (with tokens) to FILE, and stop
          --reuse FILE              take users and rooms from FILE instead of making them, and connect and send at
                                    once (logs every user in again first if a token expires within 2 minutes)

        Measuring:
          --server-pid PID[,PID]    server processes: CPU, RSS and, over EventPipe, GC heap, allocations, JIT time
          --watch-pid NAME=PID      another process whose CPU and RSS are reported (e.g. mariadb=123); repeatable
          --server-started-at MS    unix time in ms at which the (first) server process started; windows count from
                                    it (default: the first --server-pid's start time from /proc; else the tool's start)
          --window S                seconds per time-series window                      (default 5)
          --csv FILE                also write the time series to FILE as CSV
          --no-counters             open no EventPipe session on the servers (no GC heap figures)

        Push notifications (with --offline-per-room; the server must point Notifications:Fcm at the stand-in,
        which benchmark.sh --push does):
          --fcm-standin PORT        host a minimal FCM + token endpoint on 127.0.0.1:PORT that counts the pushes
          --fcm-latency MS          the stand-in answers each send after MS milliseconds            (default 0)
          --fcm-outage FROM+SECONDS the stand-in answers 503 to every send from FROM s after sending starts, for SECONDS
          --push-wait S             after the drain, wait at most S s for every offline device's push of its room's
                                    last message                                                   (default 120)

        Idle memory:
          --idle N                  instead of sending: open N idle, authenticated connections and report the servers'
                                    RSS and GC heap before and after, per 1,000 connections

          --prefix P                e-mail prefix of the load users                     (default: random)
          --help                    this text
        """;

    public IReadOnlyList<Uri> Urls { get; init; } = [new("http://127.0.0.1:5080")];

    public int Clients { get; init; } = 200;

    public int RoomSize { get; init; } = 10;

    public double Rate { get; init; } = 5;

    public int Duration { get; init; } = 30;

    public int Warmup { get; init; } = 5;

    /// <summary>Set by --phases; otherwise <see cref="Phases"/> is built from --warmup, --duration and --rate.</summary>
    public IReadOnlyList<LoadPhase>? PhaseList { get; init; }

    public int Drain { get; init; } = 5;

    public bool MessagePack { get; init; }

    public int OfflinePerRoom { get; init; }

    public int? FcmStandInPort { get; init; }

    public int FcmLatencyMs { get; init; }

    /// <summary>--fcm-outage: seconds after sending starts, and how long.</summary>
    public (double From, double Seconds)? FcmOutage { get; init; }

    public int PushWait { get; init; } = 120;

    public string? SetupOnly { get; init; }

    public string? Reuse { get; init; }

    public IReadOnlyList<int> ServerPids { get; init; } = [];

    public IReadOnlyDictionary<string, int> WatchPids { get; init; } = new Dictionary<string, int>();

    public long? ServerStartedAtUnixMs { get; init; }

    public double Window { get; init; } = 5;

    public string? Csv { get; init; }

    public bool Counters { get; init; } = true;

    public int Idle { get; init; }

    public string Prefix { get; init; } = "load" + Guid.NewGuid().ToString("N")[..8];

    public bool Help { get; init; }

    public string ProtocolName => MessagePack ? "MessagePack" : "JSON";

    /// <summary>The phases of sending: --phases, or a warm-up (not measured) and a measured stretch at --rate.</summary>
    public IReadOnlyList<LoadPhase> Phases => PhaseList ??
        (Warmup > 0 ? [new LoadPhase(Warmup, Rate, Measured: false), new LoadPhase(Duration, Rate, Measured: true)] : [new LoadPhase(Duration, Rate, Measured: true)]);

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var watch = new Dictionary<string, int>();
        var fixedRate = false;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                return options with { Help = true };
            }

            if (name == "--no-counters")
            {
                options = options with { Counters = false };
                continue;
            }

            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            fixedRate |= name is "--rate" or "--warmup" or "--duration";
            options = name switch
            {
                "--urls" => options with { Urls = value.Split(',').Select(u => new Uri(u)).ToList() },
                "--clients" => options with { Clients = Int(value) },
                "--room-size" => options with { RoomSize = Int(value) },
                "--rate" => options with { Rate = Double(value) },
                "--duration" => options with { Duration = Int(value) },
                "--warmup" => options with { Warmup = Int(value) },
                "--phases" => options with { PhaseList = LoadPhase.ParseList(value) },
                "--drain" => options with { Drain = Int(value) },
                "--protocol" => options with { MessagePack = value switch
                {
                    "messagepack" => true,
                    "json" => false,
                    _ => throw new ArgumentException("--protocol is json or messagepack."),
                } },
                "--offline-per-room" => options with { OfflinePerRoom = Int(value) },
                "--fcm-standin" => options with { FcmStandInPort = Int(value) },
                "--fcm-latency" => options with { FcmLatencyMs = Int(value) },
                "--fcm-outage" => options with { FcmOutage = Outage(value) },
                "--push-wait" => options with { PushWait = Int(value) },
                "--setup-only" => options with { SetupOnly = value },
                "--reuse" => options with { Reuse = value },
                "--server-pid" => options with { ServerPids = value.Split(',').Select(Int).ToList() },
                "--watch-pid" => Watch(options, watch, value),
                "--server-started-at" => options with { ServerStartedAtUnixMs = value.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).Min() },
                "--window" => options with { Window = Double(value) },
                "--csv" => options with { Csv = value },
                "--idle" => options with { Idle = Int(value) },
                "--prefix" => options with { Prefix = value },
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        if (options.PhaseList is not null && fixedRate)
        {
            throw new ArgumentException("--phases replaces --rate, --warmup and --duration: give one or the other.");
        }

        if ((options.SetupOnly is not null ? 1 : 0) + (options.Reuse is not null ? 1 : 0) + (options.Idle > 0 ? 1 : 0) > 1)
        {
            throw new ArgumentException("--setup-only, --reuse and --idle exclude each other.");
        }

        if (options.Reuse is null && options.Idle == 0 && (options.RoomSize < 2 || options.Clients % options.RoomSize != 0))
        {
            throw new ArgumentException("--clients must be a multiple of --room-size, and rooms need at least 2 members.");
        }

        if (options.Window <= 0 || options.Phases.Sum(p => p.Seconds) <= 0 || options.Rate < 0)
        {
            throw new ArgumentException("--window, and the length of sending, must be positive; --rate must not be negative.");
        }

        if (options.OfflinePerRoom < 0 || options.FcmLatencyMs < 0 || options.PushWait < 0)
        {
            throw new ArgumentException("--offline-per-room, --fcm-latency and --push-wait must not be negative.");
        }

        return options;
    }

    private static (double From, double Seconds) Outage(string value)
    {
        var parts = value.Split('+', 2);
        return parts.Length == 2 && Double(parts[0]) is >= 0 and var from && Double(parts[1]) is > 0 and var seconds
            ? (from, seconds)
            : throw new ArgumentException("--fcm-outage is FROM+SECONDS (e.g. 50+30), FROM >= 0, SECONDS > 0.");
    }

    private static LoadOptions Watch(LoadOptions options, Dictionary<string, int> watch, string value)
    {
        var parts = value.Split('=', 2);
        watch[parts[0]] = parts.Length == 2 ? Int(parts[1]) : throw new ArgumentException("--watch-pid is NAME=PID.");
        return options with { WatchPids = watch };
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);

    private static double Double(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
}
