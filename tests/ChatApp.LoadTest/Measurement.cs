using System.Diagnostics;

namespace ChatApp.LoadTest;

/// <summary>
/// What the tool watches besides its clients: each process's CPU and RSS from /proc (servers, the --watch-pid ones,
/// the tool itself, and the whole machine) four times a second, and each server's runtime counters over EventPipe,
/// on the <see cref="Timeline"/> whose time zero is the (first) server process's start.
/// </summary>
internal sealed class Measurement
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _sampling;

    public Measurement(LoadOptions options)
    {
        Servers = options.ServerPids.Select((pid, i) => new ProcessProbe($"server{i + 1}", pid, ProbeRole.Server)).ToList();
        Tool = new ProcessProbe("load tool", Environment.ProcessId, ProbeRole.Tool);
        Machine = new ProcessProbe("machine", 0, ProbeRole.Machine);
        Probes = [.. Servers, .. options.WatchPids.Select(w => new ProcessProbe(w.Key, w.Value, ProbeRole.Other)), Tool];
        Counters = options.Counters ? Servers.Select(s => new RuntimeCounters(s.Name, s.Pid)).ToList() : [];
        ToolStart = Stopwatch.GetTimestamp();
        var (origin, source) = options.ServerStartedAtUnixMs is { } ms ? (Timeline.FromUnixMs(ms), "--server-started-at")
            : Servers.FirstOrDefault()?.StartTicks is { } started ? (started, "server1's process start (/proc)")
            : (ToolStart, "the load tool's start (no server pid)");
        Timeline = new Timeline(origin, options.Window, source);
    }

    public IReadOnlyList<ProcessProbe> Servers { get; }

    /// <summary>Servers, other watched processes and the tool; not the machine.</summary>
    public IReadOnlyList<ProcessProbe> Probes { get; }

    public ProcessProbe Tool { get; }

    public ProcessProbe Machine { get; }

    public IReadOnlyList<RuntimeCounters> Counters { get; }

    public Timeline Timeline { get; }

    public long ToolStart { get; }

    public void Start()
    {
        foreach (var counters in Counters)
        {
            counters.Start();
        }

        _sampling = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            try
            {
                do
                {
                    SampleAll();
                }
                while (await timer.WaitForNextTickAsync(_stop.Token));
            }
            catch (OperationCanceledException)
            {
                // Stopped.
            }
        });
    }

    /// <summary>Takes one sample of every probe now (also called at the edges of measured stretches).</summary>
    public void SampleAll()
    {
        foreach (var probe in Probes)
        {
            probe.Sample();
        }

        Machine.Sample();
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_sampling is not null)
        {
            await _sampling;
        }

        SampleAll();
        foreach (var counters in Counters)
        {
            counters.Dispose();
        }
    }

    /// <summary>Says which servers' counters could not be read, and why.</summary>
    public IEnumerable<string> CounterProblems() =>
        Counters.Where(c => !c.HasData).Select(c => $"{c.Name}: no runtime counters ({c.Error ?? "no data came over EventPipe"}); GC heap not reported");
}
