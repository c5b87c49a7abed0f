using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Deployment;

/// <summary>
/// The production shape on one machine: real nginx with the repository's rules in front of two real host processes
/// sharing one MariaDB database and one Redis. The instances trust X-Forwarded-* from 127.0.0.1 (nginx) only and log
/// every request they receive ("Request starting …"), so a test can tell which instance a request reached, or that
/// none did.
/// </summary>
public sealed partial class NginxDeployment : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _name;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private string? _database;

    public NginxDeployment()
        : this("nginx", new Dictionary<string, string>())
    {
    }

    private NginxDeployment(string name, IReadOnlyDictionary<string, string> settings)
    {
        _name = name;
        _settings = settings;
    }

    public HostProcess A { get; private set; } = null!;

    public HostProcess B { get; private set; } = null!;

    public NginxProcess Nginx { get; private set; } = null!;

    /// <summary>A deployment of its own, its instances configured with <paramref name="settings"/> on top (environment variable names).</summary>
    public static async Task<NginxDeployment> StartAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var deployment = new NginxDeployment(name, settings ?? new Dictionary<string, string>());
        await deployment.InitializeAsync();
        return deployment;
    }

    public async Task InitializeAsync()
    {
        _database = await Nodes.CreateDatabaseAsync(_name);
        var prefix = $"chatapp-test:{Guid.NewGuid():N}:";
        A = await HostProcess.StartServerAsync(Environment(_database, prefix, migrate: true));
        B = await HostProcess.StartServerAsync(Environment(_database, prefix, migrate: false));
        Nginx = await NginxProcess.StartAsync([A.Address!, B.Address!]);
    }

    /// <summary>A client of nginx whose connections come from <paramref name="from"/> (127.0.0.1 unless told; any 127.x address works).</summary>
    public HttpClient Client(IPAddress? from = null, string? token = null)
    {
        var client = new HttpClient(Handler(from)) { BaseAddress = Nginx.Address, Timeout = TimeSpan.FromSeconds(60) };
        return token is null ? client : Nodes.Authorized(client, token);
    }

    /// <summary>A socket handler that binds its connections to <paramref name="from"/> so nginx sees that address.</summary>
    public static SocketsHttpHandler Handler(IPAddress? from = null) => new()
    {
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>How many requests for <paramref name="method"/> <paramref name="path"/> (no query) reached the instance.</summary>
    public static int Requests(HostProcess instance, string method, string path) =>
        RequestStarting().Matches(instance.Output).Count(m => m.Groups["method"].Value == method && m.Groups["path"].Value == path);

    public async Task DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (_database is not null)
        {
            await Nodes.DropDatabaseAsync(_database);
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private Dictionary<string, string> Environment(string database, string prefix, bool migrate)
    {
        var environment = Nodes.Environment(database, prefix, migrate);
        environment["ForwardedHeaders__KnownProxies"] = "127.0.0.1";
        environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        foreach (var (key, value) in _settings)
        {
            environment[key] = value;
        }

        return environment;
    }

    [GeneratedRegex(@"Request starting HTTP/1\.1 (?<method>[A-Z]+) https?://[^/ ]+(?<path>/[^? ]*)")]
    private static partial Regex RequestStarting();
}
