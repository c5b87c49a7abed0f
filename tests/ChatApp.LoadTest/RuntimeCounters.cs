using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace ChatApp.LoadTest;

/// <summary>
/// The runtime counters of a .NET server process (the <c>System.Runtime</c> EventCounters: GC heap size,
/// allocations, time in GC and JIT, thread pool), read over an EventPipe session through the process's diagnostics
/// socket, as dotnet-counters does, without changing the server. Values are kept as the runtime reports them:
/// sizes in MB (10^6 bytes), time in GC in %; alloc-rate, gen-2-gc-count and time-in-jit (ms) are each second's increment,
/// methods-jitted-count a running total.
/// </summary>
internal sealed class RuntimeCounters(string name, int pid) : IDisposable
{
    public const string GcHeap = "gc-heap-size";
    public const string GcCommitted = "gc-committed";
    public const string AllocRate = "alloc-rate";
    public const string TimeInGc = "time-in-gc";
    public const string Gen2Count = "gen-2-gc-count";
    public const string TimeInJit = "time-in-jit";
    public const string MethodsJitted = "methods-jitted-count";
    public const string ThreadPoolQueue = "threadpool-queue-length";
    public const string ThreadPoolThreads = "threadpool-thread-count";

    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;
    private readonly object _gate = new();
    private readonly Dictionary<string, List<(long Ticks, double Value)>> _series = [];
    private EventPipeSession? _session;
    private Thread? _reader;

    public string Name { get; } = name;

    public int Pid { get; } = pid;

    /// <summary>Why no counters came (the session could not start, or the stream broke), if so.</summary>
    public string? Error { get; private set; }

    public bool HasData
    {
        get
        {
            lock (_gate)
            {
                return _series.ContainsKey(GcHeap);
            }
        }
    }

    /// <summary>Opens the session (one counter sample per second) and reads it on a background thread.</summary>
    public void Start()
    {
        try
        {
            var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0xffffffff,
                new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" });
            _session = new DiagnosticsClient(Pid).StartEventPipeSession(provider, requestRundown: false, circularBufferMB: 16);
            _reader = new Thread(Read) { IsBackground = true, Name = $"counters {Name}" };
            _reader.Start();
        }
        catch (Exception ex) when (ex is DiagnosticsClientException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            Error = ex.Message;
        }
    }

    public IReadOnlyList<(long Ticks, double Value)> Series(string counter)
    {
        lock (_gate)
        {
            return _series.TryGetValue(counter, out var list) ? [.. list] : [];
        }
    }

    /// <summary>The highest value reported in [from, to), or null if none was.</summary>
    public double? Peak(string counter, long from, long to)
    {
        var values = Series(counter).Where(s => s.Ticks >= from && s.Ticks < to).Select(s => s.Value).ToList();
        return values.Count > 0 ? values.Max() : null;
    }

    /// <summary>The sum of the increments reported in [from, to), or null if none was.</summary>
    public double? Sum(string counter, long from, long to)
    {
        var values = Series(counter).Where(s => s.Ticks >= from && s.Ticks < to).Select(s => s.Value).ToList();
        return values.Count > 0 ? values.Sum() : null;
    }

    /// <summary>The most recent value, or null.</summary>
    public double? Latest(string counter) => Series(counter) is { Count: > 0 } s ? s[^1].Value : null;

    /// <summary>
    /// Makes the server run a full blocking GC, as dotnet-gcdump does (a second EventPipe session with the runtime
    /// provider's GCHeapCollect keyword triggers one), and returns the bytes of the GC heap that survived it (its
    /// GCHeapStats event: all generations, LOH and POH), or null if that did not come within 20 s.
    /// </summary>
    public async Task<long?> InduceFullGcAsync()
    {
        try
        {
            var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword);
            using var session = new DiagnosticsClient(Pid).StartEventPipeSession(provider, requestRundown: false, circularBufferMB: 16);
            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var reader = new Thread(() =>
            {
                try
                {
                    using var source = new EventPipeEventSource(session.EventStream);
                    var induced = false;
                    source.Clr.GCStart += e => induced |= e.Depth == 2 && e.Reason is GCReason.Induced or GCReason.InducedNotForced;
                    source.Clr.GCHeapStats += e =>
                    {
                        if (induced)
                        {
                            done.TrySetResult(e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4);
                        }
                    };
                    source.Process();
                }
                catch (Exception ex)
                {
                    done.TrySetException(ex);
                }
            }) { IsBackground = true, Name = $"gc {Name}" };
            reader.Start();
            var survived = await done.Task.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : (long?)null, TaskScheduler.Default);
            session.Stop();
            return survived;
        }
        catch (Exception ex) when (ex is DiagnosticsClientException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            Error ??= ex.Message;
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            _session?.Stop();
        }
        catch (Exception ex) when (ex is DiagnosticsClientException or IOException or TimeoutException or ObjectDisposedException)
        {
            // The server is gone already.
        }

        _reader?.Join(TimeSpan.FromSeconds(5));
        _session?.Dispose();
    }

    private void Read()
    {
        try
        {
            using var source = new EventPipeEventSource(_session!.EventStream);
            source.Dynamic.All += OnEvent;
            source.Process();
        }
        catch (Exception ex)
        {
            Error ??= "counter stream: " + ex.Message;
        }
    }

    private void OnEvent(TraceEvent e)
    {
        if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer
            || outer.TryGetValue("Payload", out var inner) is false || inner is not IDictionary<string, object> fields
            || fields.TryGetValue("Name", out var nameValue) is false || nameValue is not string counter)
        {
            return;
        }

        var value = fields.TryGetValue("Increment", out var increment) ? increment : fields.TryGetValue("Mean", out var mean) ? mean : null;
        if (value is null)
        {
            return;
        }

        var sample = (Stopwatch.GetTimestamp(), Convert.ToDouble(value, CultureInfo.InvariantCulture));
        lock (_gate)
        {
            if (!_series.TryGetValue(counter, out var list))
            {
                _series[counter] = list = [];
            }

            list.Add(sample);
        }
    }
}
