using System.Diagnostics.Metrics;

namespace ChatApp.Modules.Chat.Realtime;

/// <summary>
/// The realtime fan-out on the meter <c>ChatApp.Chat.Realtime</c>: time per frame written to this node's connections
/// and per backplane publish, connections per frame, deliveries, open connections, and how often the room order had to be restored
/// (<see cref="RoomStreams"/>). See docs/performance.md.
/// </summary>
internal sealed class RealtimeMetrics
{
    public const string MeterName = "ChatApp.Chat.Realtime";

    private readonly Histogram<double> _fanOut;
    private readonly Histogram<int> _connections;
    private readonly Histogram<double> _publish;
    private readonly Counter<long> _held;
    private readonly Counter<long> _gapsSkipped;
    private readonly Counter<long> _staleDropped;
    private readonly Counter<long> _publishFailed;
    private readonly Counter<long> _deliveries;

    /// <param name="connections">This node's connections, observed as <c>chatapp.realtime.connections</c> (absent in unit tests).</param>
    public RealtimeMetrics(IMeterFactory meterFactory, LocalConnections? connections = null)
    {
        var meter = meterFactory.Create(MeterName);
        _fanOut = meter.CreateHistogram<double>("chatapp.realtime.fanout", "us", "Per frame: writing it to this node's connections of its recipients.");
        _connections = meter.CreateHistogram<int>("chatapp.realtime.fanout_connections", "{connection}", "Per frame: connections of this node it was written to.");
        _publish = meter.CreateHistogram<double>("chatapp.realtime.publish", "us", "Per publish: encoding the frames for the other nodes and handing them to Redis.");
        _held = meter.CreateCounter<long>("chatapp.realtime.held", "{frame}", "Frames that arrived before an earlier number of their room and were held back.");
        _gapsSkipped = meter.CreateCounter<long>("chatapp.realtime.gaps_skipped", "{gap}", "Missing numbers given up on after the gap wait; clients catch up from history.");
        _staleDropped = meter.CreateCounter<long>("chatapp.realtime.stale_dropped", "{frame}", "Frames that arrived after a later number of their room had gone out; clients catch up from history.");
        _deliveries = meter.CreateCounter<long>("chatapp.realtime.deliveries", "{delivery}", "Frames written to this node's connections (one per frame and connection).");
        if (connections is not null)
        {
            meter.CreateObservableUpDownCounter("chatapp.realtime.connections", () => connections.Count, "{connection}", "Hub connections open on this node.");
        }

        _publishFailed = meter.CreateCounter<long>("chatapp.realtime.publish_failed", "{publish}", "Publishes to the other nodes that Redis refused.");
    }

    public void FannedOut(double microseconds, int connections)
    {
        _fanOut.Record(microseconds);
        _connections.Record(connections);
        if (connections > 0)
        {
            _deliveries.Add(connections);
        }
    }

    public void Published(double microseconds) => _publish.Record(microseconds);

    public void Held() => _held.Add(1);

    public void GapSkipped() => _gapsSkipped.Add(1);

    public void StaleDropped() => _staleDropped.Add(1);

    public void PublishFailed() => _publishFailed.Add(1);
}
