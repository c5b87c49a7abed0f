using System.Diagnostics;

namespace ChatApp.LoadTest;

/// <summary>
/// The run's clock: time zero (the server process's start, normally) and the fixed-length windows counted from it,
/// plus the stages of the run (setup, connect, each phase, drain) by the moment each began. Times are Stopwatch ticks.
/// </summary>
internal sealed class Timeline(long origin, double windowSeconds, string originSource)
{
    private readonly object _gate = new();
    private readonly List<(long Ticks, string Label)> _stages = [];

    public long Origin { get; } = origin;

    public long WindowTicks { get; } = (long)(windowSeconds * Stopwatch.Frequency);

    public double WindowSeconds { get; } = windowSeconds;

    /// <summary>Where <see cref="Origin"/> came from, for the report.</summary>
    public string OriginSource { get; } = originSource;

    /// <summary>A unix time in milliseconds as Stopwatch ticks of this process.</summary>
    public static long FromUnixMs(long unixMs)
    {
        var (ticks, now) = (Stopwatch.GetTimestamp(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        return ticks - ((now - unixMs) * Stopwatch.Frequency / 1000);
    }

    public void Mark(string label, long? at = null)
    {
        lock (_gate)
        {
            _stages.Add((at ?? Stopwatch.GetTimestamp(), label));
        }
    }

    /// <summary>The stage under way at <paramref name="ticks"/> ("start-up" before the tool's first).</summary>
    public string StageAt(long ticks)
    {
        lock (_gate)
        {
            return _stages.Where(s => s.Ticks <= ticks).Select(s => s.Label).LastOrDefault() ?? "start-up";
        }
    }

    public int WindowOf(long ticks) => (int)Math.Floor((ticks - Origin) / (double)WindowTicks);

    public long WindowStart(int window) => Origin + (window * WindowTicks);

    /// <summary>Seconds since time zero.</summary>
    public double Seconds(long ticks) => (ticks - Origin) / (double)Stopwatch.Frequency;
}
