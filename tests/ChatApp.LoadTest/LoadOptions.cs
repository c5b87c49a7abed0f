using System.Globalization;

namespace ChatApp.LoadTest;

/// <summary>Command line of the load tool; see <c>--help</c>.</summary>
internal sealed record LoadOptions
{
    public const string Usage = """
        ChatApp load tool: drives real ChatApp servers over SignalR and reports loss, duplicates, latency and server cost.

          --urls URL[,URL]        servers; client i connects to URL[i mod n]        (default http://127.0.0.1:5080)
          --clients C             sending clients, one user and one connection each  (default 200)
          --room-size K           members per group room; C must be a multiple of K (default 10)
          --rate R                messages per second per client                    (default 5)
          --duration T            seconds of sending that are measured              (default 30)
          --warmup W              seconds of sending before measuring               (default 5)
          --drain D               after sending, stop once no delivery came for D s  (default 5)
          --protocol json|messagepack                                               (default messagepack)
          --server-pid PID[,PID]  server processes whose CPU time and peak memory are reported
          --watch-pid NAME=PID    other processes whose CPU time is reported (e.g. mariadb=123), repeatable
          --idle N                instead of sending: open N idle connections and report server memory per 1,000
          --prefix P              e-mail prefix of the load users                   (default: random)
        """;

    public IReadOnlyList<Uri> Urls { get; init; } = [new("http://127.0.0.1:5080")];

    public int Clients { get; init; } = 200;

    public int RoomSize { get; init; } = 10;

    public double Rate { get; init; } = 5;

    public int Duration { get; init; } = 30;

    public int Warmup { get; init; } = 5;

    public int Drain { get; init; } = 5;

    public bool MessagePack { get; init; } = true;

    public IReadOnlyList<int> ServerPids { get; init; } = [];

    public IReadOnlyDictionary<string, int> WatchPids { get; init; } = new Dictionary<string, int>();

    public int Idle { get; init; }

    public string Prefix { get; init; } = "load" + Guid.NewGuid().ToString("N")[..8];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        var watch = new Dictionary<string, int>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            i++;
            options = args[i - 1] switch
            {
                "--urls" => options with { Urls = value.Split(',').Select(u => new Uri(u)).ToList() },
                "--clients" => options with { Clients = Int(value) },
                "--room-size" => options with { RoomSize = Int(value) },
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = Int(value) },
                "--warmup" => options with { Warmup = Int(value) },
                "--drain" => options with { Drain = Int(value) },
                "--protocol" => options with { MessagePack = value switch
                {
                    "messagepack" => true,
                    "json" => false,
                    _ => throw new ArgumentException("--protocol is json or messagepack."),
                } },
                "--server-pid" => options with { ServerPids = value.Split(',').Select(Int).ToList() },
                "--watch-pid" => Watch(options, watch, value),
                "--idle" => options with { Idle = Int(value) },
                "--prefix" => options with { Prefix = value },
                _ => throw new ArgumentException($"Unknown option {args[i - 1]}.\n{Usage}"),
            };
        }

        if (options.Idle == 0 && (options.RoomSize < 2 || options.Clients % options.RoomSize != 0))
        {
            throw new ArgumentException("--clients must be a multiple of --room-size, and rooms need at least 2 members.");
        }

        return options;
    }

    private static LoadOptions Watch(LoadOptions options, Dictionary<string, int> watch, string value)
    {
        var parts = value.Split('=', 2);
        watch[parts[0]] = Int(parts[1]);
        return options with { WatchPids = watch };
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
