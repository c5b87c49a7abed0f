using System.Diagnostics;
using System.Globalization;

namespace ChatApp.LoadTest;

/// <summary>
/// CPU time and resident memory of a process (or of the whole machine), read from /proc (Linux) whenever
/// <see cref="Sample"/> is called. CPU between two moments is interpolated between the samples around them.
/// </summary>
internal sealed class ProcessProbe
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private readonly object _gate = new();
    private readonly List<ResourceSample> _samples = [];

    public ProcessProbe(string name, int pid, ProbeRole role)
    {
        Name = name;
        Pid = pid;
        Role = role;
        if (role != ProbeRole.Machine && StartedAtTicks() is { } started)
        {
            // The process had used no CPU when it started: windows from its start get their CPU share.
            StartTicks = started;
            _samples.Add(new ResourceSample(started, 0, 0));
        }
    }

    public string Name { get; }

    public int Pid { get; }

    public ProbeRole Role { get; }

    /// <summary>When the process started (Stopwatch ticks), if /proc tells.</summary>
    public long? StartTicks { get; }

    public string? Error { get; private set; }

    public IReadOnlyList<ResourceSample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Reads /proc now; a process that is gone is noted once and no longer sampled.</summary>
    public void Sample()
    {
        if (Error is not null)
        {
            return;
        }

        try
        {
            lock (_gate)
            {
                // Under the lock, so that samples stay in time order when two threads sample.
                _samples.Add(new ResourceSample(Stopwatch.GetTimestamp(), ReadCpuSeconds(), Role == ProbeRole.Machine ? 0 : RssBytes()));
            }
        }
        catch (IOException ex)
        {
            Error = ex.Message;
        }
    }

    /// <summary>CPU seconds used between two moments, and the part of that span the samples cover (in ticks).</summary>
    public (double CpuSeconds, long CoveredTicks) CpuBetween(long from, long to)
    {
        var samples = Samples;
        if (samples.Count < 2)
        {
            return (0, 0);
        }

        var a = Math.Max(from, samples[0].Ticks);
        var b = Math.Min(to, samples[^1].Ticks);
        return b <= a ? (0, 0) : (CpuAt(samples, b) - CpuAt(samples, a), b - a);
    }

    /// <summary>Highest RSS sampled between two moments (0 if none).</summary>
    public long PeakRss(long from, long to)
    {
        long peak = 0;
        foreach (var s in Samples)
        {
            if (s.Ticks >= from && s.Ticks < to)
            {
                peak = Math.Max(peak, s.RssBytes);
            }
        }

        return peak;
    }

    public double ReadCpuSeconds()
    {
        if (Role == ProbeRole.Machine)
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": busy is all but idle and iowait.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var busy = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => double.Parse(fields[i], CultureInfo.InvariantCulture));
            return busy / TicksPerSecond;
        }

        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        var stat = StatFields();
        return (double.Parse(stat[11], CultureInfo.InvariantCulture) + double.Parse(stat[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    public long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }

    /// <summary>The process's start (field 22 of /proc/PID/stat, clock ticks since boot) as Stopwatch ticks.</summary>
    public long? StartedAtTicks()
    {
        try
        {
            var startedSinceBoot = double.Parse(StatFields()[19], CultureInfo.InvariantCulture) / TicksPerSecond;
            var now = Stopwatch.GetTimestamp();
            var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            return now - (long)((uptime - startedSinceBoot) * Stopwatch.Frequency);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string[] StatFields()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    private static double CpuAt(IReadOnlyList<ResourceSample> samples, long ticks)
    {
        var i = 1;
        while (i < samples.Count - 1 && samples[i].Ticks < ticks)
        {
            i++;
        }

        var (p, q) = (samples[i - 1], samples[i]);
        if (ticks <= p.Ticks || q.Ticks == p.Ticks)
        {
            return p.CpuSeconds;
        }

        return p.CpuSeconds + ((q.CpuSeconds - p.CpuSeconds) * Math.Min(1, (double)(ticks - p.Ticks) / (q.Ticks - p.Ticks)));
    }
}
