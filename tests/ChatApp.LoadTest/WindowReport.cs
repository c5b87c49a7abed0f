using System.Globalization;
using System.Text;

namespace ChatApp.LoadTest;

/// <summary>
/// The time series: per window of the <see cref="Timeline"/> (counted from the server process's start) the messages
/// sent, acknowledged, failed and delivered in it, the ack and delivery latency of the messages that were due in it,
/// and each process's CPU (% of one core), the servers' RSS and, from their runtime counters, GC heap, allocation rate
/// and JIT time. Printed as a table; optionally written as CSV with every process and counter in its own column.
/// </summary>
internal sealed class WindowReport
{
    private readonly Measurement _m;
    private readonly Timeline _t;
    private readonly int _first;
    private readonly int _count;
    private readonly int[] _sent;
    private readonly int[] _acked;
    private readonly int[] _failed;
    private readonly int[] _delivered;
    private readonly List<double>[] _ackLatency;
    private readonly List<double>[] _deliveryLatency;

    /// <summary>Windows from the one holding <paramref name="from"/> to the one holding <paramref name="to"/>.</summary>
    public WindowReport(Measurement measurement, IReadOnlyList<LoadClient> clients, long from, long to)
    {
        _m = measurement;
        _t = measurement.Timeline;
        // From time zero when the tool came within a minute of it (a fresh server's start-up shows), else from the tool's start.
        _first = _t.Seconds(from) < 60 ? 0 : _t.WindowOf(from);
        _count = Math.Max(1, _t.WindowOf(to) - _first + 1);
        _sent = new int[_count];
        _acked = new int[_count];
        _failed = new int[_count];
        _delivered = new int[_count];
        _ackLatency = [.. Enumerable.Range(0, _count).Select(_ => new List<double>())];
        _deliveryLatency = [.. Enumerable.Range(0, _count).Select(_ => new List<double>())];
        foreach (var client in clients)
        {
            for (var n = 0; n < client.Sent; n++)
            {
                var due = client.DueAt(n);
                Count(_sent, client.SentAt(n));
                if (client.AckedAt(n) is var acked and > 0)
                {
                    Count(_acked, acked);
                    Add(_ackLatency, due, Stats.Ms(acked - due));
                }

                if (client.FailedAt(n) is var failed and > 0)
                {
                    Count(_failed, failed);
                }
            }

            foreach (var (due, at) in client.Deliveries())
            {
                Count(_delivered, at);
                Add(_deliveryLatency, due, Stats.Ms(at - due));
            }
        }
    }

    public void PrintTable(TextWriter output)
    {
        var others = _m.Probes.Where(p => p.Role != ProbeRole.Server).ToList();
        var columns = new List<(string Name, int Width)>
        {
            ("time s", 7), ("stage", 14), ("sent", 6), ("acked", 6), ("failed", 6), ("deliv", 7), ("ack p99", 7), ("dlv p50", 7), ("dlv p99", 7),
            ("srv CPU%", 8), ("RSS MiB", 7), ("heap MiB", 8), ("alloc MiB/s", 11), ("JIT ms", 6),
        };
        columns.AddRange(others.Select(p => (p.Name + "%", Math.Max(5, p.Name.Length + 1))));
        columns.Add(("other%", 6));
        output.WriteLine(Header(columns));
        for (var i = 0; i < _count; i++)
        {
            var (from, to) = (_t.WindowStart(_first + i), _t.WindowStart(_first + i + 1));
            var listed = _m.Probes.Sum(p => Cpu(p, from, to) ?? 0);
            var cells = new List<string>
            {
                Stats.Invariant($"{_t.Seconds(from):0}-{_t.Seconds(to):0}"), Stage(from, to), N(_sent[i]), N(_acked[i]), N(_failed[i]), N(_delivered[i]),
                Latency(_ackLatency[i], 0.99), Latency(_deliveryLatency[i], 0.50), Latency(_deliveryLatency[i], 0.99),
                Stats.Cell(Sum(_m.Servers, p => Cpu(p, from, to))), Stats.Cell(Sum(_m.Servers, p => Rss(p, from, to))),
                Stats.Cell(Sum(_m.Counters, c => c.Peak(RuntimeCounters.GcHeap, from, to) is { } mb ? Stats.MbToMib(mb) : null)),
                Stats.Cell(Sum(_m.Counters, c => c.Sum(RuntimeCounters.AllocRate, from, to) is { } bytes ? Stats.Mib(bytes) / _t.WindowSeconds : null), "F1"),
                Stats.Cell(Sum(_m.Counters, c => c.Sum(RuntimeCounters.TimeInJit, from, to))),
            };
            cells.AddRange(others.Select(p => Stats.Cell(Cpu(p, from, to))));
            cells.Add(Stats.Cell(Cpu(_m.Machine, from, to) is { } machine ? Math.Max(0, machine - listed) : null));
            output.WriteLine(Row(columns, cells));
        }

        output.WriteLine(Stats.Invariant($"""
            (counts: events in the window; latencies: of the messages due in it, ms; CPU: % of one core; RSS, GC heap: peak in the
             window, servers summed; JIT ms: the servers' threads' time in the JIT compiler (wall time, so it counts waiting for a
             core too); other%: the rest of the machine's CPU, e.g. other people's builds; stage A>B: B began in the window)
            """));
    }

    public async Task WriteCsvAsync(string path)
    {
        var inv = CultureInfo.InvariantCulture;
        var header = new List<string> { "window_start_s", "window_end_s", "stage", "sent", "acked", "failed", "delivered",
            "ack_p50_ms", "ack_p99_ms", "delivery_p50_ms", "delivery_p95_ms", "delivery_p99_ms", "delivery_max_ms" };
        foreach (var p in _m.Probes)
        {
            header.Add($"{Col(p.Name)}_cpu_pct");
            header.Add($"{Col(p.Name)}_rss_mib");
        }

        foreach (var c in _m.Counters)
        {
            header.AddRange(new[] { "gc_heap_mib", "gc_committed_mib", "alloc_mib_s", "time_in_gc_pct", "gen2_gcs", "jit_ms", "methods_jitted_total", "threadpool_queue", "threadpool_threads" }
                .Select(h => $"{Col(c.Name)}_{h}"));
        }

        header.Add("machine_cpu_pct");
        header.Add("other_cpu_pct");
        var text = new StringBuilder().AppendLine(string.Join(',', header));
        for (var i = 0; i < _count; i++)
        {
            var (from, to) = (_t.WindowStart(_first + i), _t.WindowStart(_first + i + 1));
            var ack = Sorted(_ackLatency[i]);
            var delivery = Sorted(_deliveryLatency[i]);
            var row = new List<string>
            {
                _t.Seconds(from).ToString("F1", inv), _t.Seconds(to).ToString("F1", inv), Stage(from, to),
                N(_sent[i]), N(_acked[i]), N(_failed[i]), N(_delivered[i]),
                Csv(Stats.At(ack, 0.5)), Csv(Stats.At(ack, 0.99)), Csv(Stats.At(delivery, 0.5)), Csv(Stats.At(delivery, 0.95)),
                Csv(Stats.At(delivery, 0.99)), Csv(delivery.Count > 0 ? delivery[^1] : null),
            };
            foreach (var p in _m.Probes)
            {
                row.Add(Csv(Cpu(p, from, to)));
                row.Add(Csv(Rss(p, from, to)));
            }

            foreach (var c in _m.Counters)
            {
                row.Add(Csv(c.Peak(RuntimeCounters.GcHeap, from, to) is { } heap ? Stats.MbToMib(heap) : null));
                row.Add(Csv(c.Peak(RuntimeCounters.GcCommitted, from, to) is { } committed ? Stats.MbToMib(committed) : null));
                row.Add(Csv(c.Sum(RuntimeCounters.AllocRate, from, to) is { } bytes ? Stats.Mib(bytes) / _t.WindowSeconds : null));
                row.Add(Csv(c.Peak(RuntimeCounters.TimeInGc, from, to)));
                row.Add(Csv(c.Sum(RuntimeCounters.Gen2Count, from, to)));
                row.Add(Csv(c.Sum(RuntimeCounters.TimeInJit, from, to)));
                row.Add(Csv(c.Peak(RuntimeCounters.MethodsJitted, from, to)));
                row.Add(Csv(c.Peak(RuntimeCounters.ThreadPoolQueue, from, to)));
                row.Add(Csv(c.Peak(RuntimeCounters.ThreadPoolThreads, from, to)));
            }

            var machine = Cpu(_m.Machine, from, to);
            row.Add(Csv(machine));
            row.Add(Csv(machine is { } all ? Math.Max(0, all - _m.Probes.Sum(p => Cpu(p, from, to) ?? 0)) : null));
            text.AppendLine(string.Join(',', row));
        }

        await File.WriteAllTextAsync(path, text.ToString());
    }

    /// <summary>CPU in % of one core over the part of [from, to) the samples cover, or null if they cover none.</summary>
    public static double? Cpu(ProcessProbe probe, long from, long to)
    {
        var (seconds, covered) = probe.CpuBetween(from, to);
        return covered > 0 ? seconds / (covered / (double)System.Diagnostics.Stopwatch.Frequency) * 100 : null;
    }

    private static double? Rss(ProcessProbe probe, long from, long to) => probe.PeakRss(from, to) is var rss and > 0 ? Stats.Mib(rss) : null;

    private static double? Sum<T>(IEnumerable<T> items, Func<T, double?> value)
    {
        var values = items.Select(value).Where(v => v is not null).ToList();
        return values.Count > 0 ? values.Sum() : null;
    }

    private string Stage(long from, long to) => (_t.StageAt(from), _t.StageAt(to - 1)) switch
    {
        (var a, var b) when a == b => b,
        (var a, var b) => a + ">" + b,
    };

    private void Count(int[] counts, long ticks)
    {
        if (ticks > 0 && _t.WindowOf(ticks) - _first is var i && i >= 0 && i < _count)
        {
            counts[i]++;
        }
    }

    private void Add(List<double>[] lists, long ticks, double value)
    {
        if (_t.WindowOf(ticks) - _first is var i && i >= 0 && i < _count)
        {
            lists[i].Add(value);
        }
    }

    private static List<double> Sorted(List<double> values)
    {
        values.Sort();
        return values;
    }

    private static string Latency(List<double> values, double p)
    {
        var v = Stats.At(Sorted(values), p);
        return double.IsNaN(v) ? "-" : v.ToString(v < 100 ? "F1" : "F0", CultureInfo.InvariantCulture);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Csv(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("0.###", CultureInfo.InvariantCulture) : "";

    private static string Col(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);

    private static string Header(List<(string Name, int Width)> columns) =>
        string.Concat(columns.Select((c, i) => " " + (i == 1 ? c.Name.PadRight(c.Width) : c.Name.PadLeft(c.Width))));

    private static string Row(List<(string Name, int Width)> columns, List<string> cells) =>
        string.Concat(cells.Select((cell, i) => " " + (i == 1 ? cell.PadRight(columns[i].Width) : cell.PadLeft(columns[i].Width))));
}
