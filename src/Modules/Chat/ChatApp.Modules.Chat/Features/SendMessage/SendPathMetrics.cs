using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace ChatApp.Modules.Chat.Features.SendMessage;

/// <summary>
/// The send path's stage times: histograms (milliseconds) on the meter <c>ChatApp.Chat.SendPath</c>, and one Debug line
/// per batch under the log category of the same name. Watch them with
/// <c>dotnet-counters monitor -n ChatApp.Host --counters ChatApp.Chat.SendPath</c> (see docs/performance.md).
/// Recording costs a timestamp and a histogram update per stage; the log line is formatted only when Debug is on.
/// </summary>
internal sealed partial class SendPathMetrics
{
    public const string MeterName = "ChatApp.Chat.SendPath";

    private readonly Histogram<double> _queueWait;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _admission;
    private readonly Histogram<double> _store;
    private readonly Histogram<double> _broadcast;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _sent;
    private readonly ILogger _logger;

    public SendPathMetrics(IMeterFactory meterFactory, ILoggerFactory loggerFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _queueWait = meter.CreateHistogram<double>("chatapp.send.queue_wait", "ms", "Time each send waited in the writer's queue until its batch was taken.");
        _batchSize = meter.CreateHistogram<int>("chatapp.send.batch_size", "{send}", "Sends taken into one batch.");
        _admission = meter.CreateHistogram<double>("chatapp.send.admission", "ms", "Per batch: the admission queries and rules (membership, replays, rate limit, blocks, reply targets).");
        _store = meter.CreateHistogram<double>("chatapp.send.store", "ms", "Per batch: the store transaction with its retries, and answering the stored sends.");
        _broadcast = meter.CreateHistogram<double>("chatapp.send.broadcast", "ms", "Per stored batch: sending its MessagesCreated frames.");
        _refused = meter.CreateCounter<long>("chatapp.send.refused", "{send}", "Sends refused before queueing: chat.overloaded (queue full), chat.server_restarting (draining).");
        _sent = meter.CreateCounter<long>("chatapp.messages.sent", "{message}", "Messages stored (replays and refused sends are not counted).");
        _logger = loggerFactory.CreateLogger(MeterName);
    }

    /// <summary>Records each send's time in the queue and the batch size; starts the batch's timings.</summary>
    public SendBatchTimings Taken(IReadOnlyList<PendingSend> batch)
    {
        var takenAt = Stopwatch.GetTimestamp();
        var longest = TimeSpan.Zero;
        foreach (var pending in batch)
        {
            var wait = Stopwatch.GetElapsedTime(pending.QueuedAt, takenAt);
            _queueWait.Record(wait.TotalMilliseconds);
            longest = wait > longest ? wait : longest;
        }

        _batchSize.Record(batch.Count);
        return new SendBatchTimings(batch.Count, longest);
    }

    public void Stored(SendBatchTimings timings)
    {
        _admission.Record(timings.Admission.TotalMilliseconds);
        _store.Record(timings.Store.TotalMilliseconds);
        if (timings.Stored > 0)
        {
            _sent.Add(timings.Stored);
        }
    }

    public void Refused(string code) => _refused.Add(1, new KeyValuePair<string, object?>("code", code));

    public void Broadcast(SendBatchTimings timings) => _broadcast.Record(timings.Broadcast.TotalMilliseconds);

    /// <summary>The batch's one Debug line, once it is stored and, when it created messages, broadcast.</summary>
    public void Finished(SendBatchTimings timings) => LogBatch(_logger, timings.Sends, timings.Stored,
        timings.LongestQueueWait.TotalMilliseconds, timings.Admission.TotalMilliseconds, timings.Store.TotalMilliseconds, timings.Broadcast.TotalMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Send batch of {Sends} ({Stored} stored): queue wait up to {QueueWaitMs:F1} ms, " +
        "admission {AdmissionMs:F1} ms, store {StoreMs:F1} ms, broadcast {BroadcastMs:F1} ms")]
    private static partial void LogBatch(ILogger logger, int sends, int stored, double queueWaitMs, double admissionMs, double storeMs, double broadcastMs);
}
