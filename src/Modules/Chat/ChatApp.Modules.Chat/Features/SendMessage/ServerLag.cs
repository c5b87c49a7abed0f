using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// How far behind this process is: a thread of its own queues a probe on the thread pool every 50 ms and measures how
/// long it waits to run. A node whose CPU is saturated falls behind before its send queue fills (the backlog builds up
/// in the thread pool and the sockets, where nothing can refuse it), so while the lag stays above
/// <see cref="ChatOptions.OverloadLag"/> for <see cref="SustainedSamples"/> probes in a row the node is overloaded, and
/// sends are refused at once (<see cref="MessageWriter"/>) until the lag is back under half of it.
/// </summary>
internal sealed partial class ServerLag : IDisposable
{
    private const int SustainedSamples = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly ChatOptions _options;
    private readonly ILogger<ServerLag> _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly ManualResetEventSlim _probeRan = new(false);
    private readonly Action<Action> _queueProbe;
    private readonly Thread _thread;
    private long _lagTicks;
    private int _over;
    private volatile bool _overloaded;

    public ServerLag(IOptions<ChatOptions> options, ILogger<ServerLag> logger)
        : this(options, logger, static probe => ThreadPool.UnsafeQueueUserWorkItem(static p => p(), probe, preferLocal: false))
    {
    }

    /// <summary>For tests: <paramref name="queueProbe"/> stands for the thread pool the probes wait in.</summary>
    internal ServerLag(IOptions<ChatOptions> options, ILogger<ServerLag> logger, Action<Action> queueProbe)
    {
        _options = options.Value;
        _logger = logger;
        _queueProbe = queueProbe;
        _thread = new Thread(Run) { IsBackground = true, Name = "ChatApp server lag probe" };
        _thread.Start();
    }

    /// <summary>For tests: waits until the probe thread has ended (after <see cref="Dispose"/>).</summary>
    internal bool WaitForExit(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>True while the node is too far behind to take more sends.</summary>
    public bool Overloaded => _overloaded;

    /// <summary>The last probe's wait for a thread-pool thread.</summary>
    public TimeSpan Lag => TimeSpan.FromTicks(Interlocked.Read(ref _lagTicks));

    public void Dispose()
    {
        _stop.Cancel();
        _probeRan.Set();
    }

    private void Run()
    {
        while (!_stop.IsCancellationRequested)
        {
            var queuedAt = Stopwatch.GetTimestamp();
            _probeRan.Reset();
            _queueProbe(() =>
            {
                Interlocked.Exchange(ref _lagTicks, Stopwatch.GetElapsedTime(queuedAt).Ticks);
                _probeRan.Set();
            });

            // While the probe waits, the lag it will report only grows: judge by the time waited so far. The waits
            // end on Dispose without throwing: an exception on this thread of its own would end the process.
            var threshold = _options.OverloadLag;
            if (!WaitForProbe(threshold))
            {
                Interlocked.Exchange(ref _lagTicks, Stopwatch.GetElapsedTime(queuedAt).Ticks);
                WaitForProbe(Timeout.InfiniteTimeSpan);
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            Judge(Lag, threshold);
            _stop.Token.WaitHandle.WaitOne(Interval);
        }
    }

    /// <summary>Waits until the probe has run or the lag is disposed; false when the time ran out first.</summary>
    private bool WaitForProbe(TimeSpan timeout) =>
        WaitHandle.WaitAny([_probeRan.WaitHandle, _stop.Token.WaitHandle], timeout) != WaitHandle.WaitTimeout;

    private void Judge(TimeSpan lag, TimeSpan threshold)
    {
        if (lag > threshold)
        {
            if (++_over >= SustainedSamples && !_overloaded)
            {
                _overloaded = true;
                LogOverloaded(_logger, lag.TotalMilliseconds);
            }
        }
        else
        {
            _over = 0;
            if (_overloaded && lag < threshold / 2)
            {
                _overloaded = false;
                LogRecovered(_logger, lag.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overloaded: work waits {LagMs:F0} ms for a thread; refusing sends with chat.overloaded until it catches up")]
    private static partial void LogOverloaded(ILogger logger, double lagMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught up (work waits {LagMs:F0} ms for a thread); taking sends again")]
    private static partial void LogRecovered(ILogger logger, double lagMs);
}
