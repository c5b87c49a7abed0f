namespace ChatApp.LoadTest;

/// <summary>A process's CPU time used so far and its resident memory at one moment (Stopwatch ticks).</summary>
internal readonly record struct ResourceSample(long Ticks, double CpuSeconds, long RssBytes);
