using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>
/// Real nginx (the Debian package's <c>/usr/sbin/nginx</c>) on 127.0.0.1 in front of instances, with the repository's
/// rules (docker/nginx/chatapp-http.conf and chatapp-locations.conf, linked in unchanged as <c>chatapp/</c> next to the
/// generated main configuration, as docker/nginx/nginx.conf includes them). Everything it writes stays in a temporary
/// folder: pid, logs, request bodies.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly DirectoryInfo _directory;
    private readonly StringBuilder _output = new();
    private int _disposed;

    private NginxProcess(Process process, DirectoryInfo directory, Uri address)
    {
        _process = process;
        _directory = directory;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    /// <summary>The repository's checkout (where ChatApp.sln is), found from the test's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>docker/nginx/ of the repository: the rules production runs.</summary>
    public static string RulesDirectory => Path.Combine(RepositoryRoot, "docker", "nginx");

    /// <summary>The access log so far, one line per request (format <c>chatapp</c> of chatapp-http.conf).</summary>
    public IReadOnlyList<string> AccessLog => ReadShared(Path.Combine(_directory.FullName, "access.log"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string Diagnostics => $"nginx output: {Output}\nerror log: {ReadShared(Path.Combine(_directory.FullName, "error.log"))}";

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts nginx with <c>upstream chatapp</c> naming <paramref name="instances"/> and waits until it answers.</summary>
    public static async Task<NginxProcess> StartAsync(IEnumerable<Uri> instances)
    {
        var directory = Directory.CreateTempSubdirectory("chatapp-nginx-");
        // nginx started as root runs its workers as nobody, who must reach the folder for request bodies it buffers.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        Directory.CreateSymbolicLink(Path.Combine(directory.FullName, "chatapp"), RulesDirectory);
        var port = FreePort();
        var configuration = Path.Combine(directory.FullName, "nginx.conf");
        await File.WriteAllTextAsync(configuration, MainConfiguration(directory.FullName, port, instances));

        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", directory.FullName, "-c", configuration, "-e", Path.Combine(directory.FullName, "error.log"), "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var nginx = new NginxProcess(Process.Start(start)!, directory, new Uri($"http://127.0.0.1:{port}"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (nginx._process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + nginx.Diagnostics);
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return nginx;
            }
            catch (SocketException)
            {
                await Task.Delay(50); // not listening yet
            }
        }

        await nginx.DisposeAsync();
        throw new TimeoutException("nginx did not listen within 30 s: " + nginx.Diagnostics);
    }

    /// <summary>
    /// What deployments write themselves (docker/nginx/nginx.conf for compose): the instances and the port. Paths nginx
    /// writes to are moved into the temporary folder; the rules are the repository's.
    /// </summary>
    private static string MainConfiguration(string directory, int port, IEnumerable<Uri> instances)
    {
        var servers = string.Concat(instances.Select(i => $"        server {i.Host}:{i.Port.ToString(CultureInfo.InvariantCulture)};\n"));
        return $$"""
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log info;
            events {
                worker_connections 1024;
            }
            http {
                client_body_temp_path {{directory}}/client_body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include chatapp/chatapp-http.conf;
                access_log {{directory}}/access.log chatapp;
                upstream chatapp {
                    least_conn;
            {{servers}}        keepalive 8;
                    keepalive_timeout 60s;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    include chatapp/chatapp-locations.conf;
                }
            }
            """;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            // SIGTERM: nginx's fast shutdown; the master stops its workers. Killing only the master would leave them.
            _ = Kill(_process.Id, 15);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a worker still closing a temporary file: the folder is in /tmp
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatApp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No ChatApp.sln above {AppContext.BaseDirectory}: the nginx tests read docker/nginx/ from the repository.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
