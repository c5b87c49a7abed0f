using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ChatApp.IntegrationTests.Infrastructure;

/// <summary>The deployable host run as its own process (`dotnet ChatApp.Host.dll`), as operators run it.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _disposed;

    private HostProcess(Process process, Uri? address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Where it listens (null for a verb such as <c>migrate</c>).</summary>
    public Uri? Address { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>How long a starting host may take to be ready: generous, since CI machines are often busy (a bound on failure, not a speed check).</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    /// <summary>
    /// Starts a server on a free loopback port and waits until it answers <c>/health/ready</c> (or, with
    /// <paramref name="untilPath"/>, another path such as <c>/health/live</c>) with 200.
    /// </summary>
    public static async Task<HostProcess> StartServerAsync(Dictionary<string, string> environment, string untilPath = "/health/ready")
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        environment["ASPNETCORE_URLS"] = address.ToString();
        var host = new HostProcess(Start([], environment), address);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (host._process.HasExited)
            {
                throw new InvalidOperationException("The host exited: " + host.Output);
            }

            try
            {
                if ((await http.GetAsync(new Uri(address, untilPath))).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        await host.DisposeAsync();
        throw new TimeoutException($"The host did not answer {untilPath} within {StartTimeout.TotalSeconds} s: " + host.Output);
    }

    /// <summary>Runs the host with arguments (e.g. <c>migrate</c>) until it exits; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(string[] args, Dictionary<string, string> environment)
    {
        await using var host = new HostProcess(Start(args, environment), address: null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await host._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("The host did not exit within 60 s: " + host.Output);
        }

        host._process.WaitForExit(); // flushes the redirected output
        return (host._process.ExitCode, host.Output);
    }

    /// <summary>
    /// Stops the server the way Kubernetes and systemd do (SIGTERM) and waits up to <paramref name="timeout"/> for it to
    /// exit; returns its exit code and how long it took (the code is null if it had not exited by then; it is then killed).
    /// </summary>
    public async Task<(int? ExitCode, TimeSpan Took)> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        if (SignalTerm(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException("Could not send SIGTERM to the host.");
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            var took = Stopwatch.GetElapsedTime(started);
            await DisposeAsync();
            return (null, took);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        _process.WaitForExit(); // flushes the redirected output
        return (_process.ExitCode, elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process Start(string[] args, Dictionary<string, string> environment)
    {
        var hostDll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(hostDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k == "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
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

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SignalTerm(int pid, int signal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
