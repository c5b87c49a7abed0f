using System.Globalization;

namespace ChatApp.LoadTest;

/// <summary>CPU time and resident memory of another process, read from /proc (Linux).</summary>
internal sealed class ProcessProbe(string name, int pid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux
    private double _cpuAtStart;
    private long _peakRss;

    public string Name { get; } = name;

    public int Pid { get; } = pid;

    public double CpuSeconds { get; private set; }

    public long PeakRssBytes => _peakRss;

    public void Start()
    {
        _cpuAtStart = ReadCpuSeconds();
        _peakRss = RssBytes();
    }

    /// <summary>Called periodically while measuring.</summary>
    public void Sample() => _peakRss = Math.Max(_peakRss, RssBytes());

    public void Stop()
    {
        Sample();
        CpuSeconds = ReadCpuSeconds() - _cpuAtStart;
    }

    public double ReadCpuSeconds()
    {
        // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = double.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = double.Parse(fields[12], CultureInfo.InvariantCulture);
        return (user + system) / TicksPerSecond;
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
}
