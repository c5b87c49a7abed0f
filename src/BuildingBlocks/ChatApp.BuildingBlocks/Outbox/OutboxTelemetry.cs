using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatApp.BuildingBlocks.Outbox;

/// <summary>
/// The outbox's activities (source <c>ChatApp.Outbox</c>: one <c>outbox.deliver</c> span per message, continuing the
/// trace that stored it) and metrics (meter <c>ChatApp.Outbox</c>: lag from occurrence to delivery, deliveries, failures,
/// dead letters; tag <c>module</c>). Nothing is recorded while nobody listens (ADR 0020).
/// </summary>
internal sealed class OutboxTelemetry
{
    public const string Name = "ChatApp.Outbox";

    private static readonly ActivitySource Source = new(Name);

    private readonly Histogram<double> _lag;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deadLettered;

    public OutboxTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _lag = meter.CreateHistogram<double>("chatapp.outbox.lag", "ms", "Per delivery attempt: time from the event's occurrence (its commit) to the dispatcher picking it up.");
        _delivered = meter.CreateCounter<long>("chatapp.outbox.delivered", "{message}", "Messages whose handlers all succeeded.");
        _failed = meter.CreateCounter<long>("chatapp.outbox.failed", "{attempt}", "Delivery attempts in which a handler failed (the message is retried).");
        _deadLettered = meter.CreateCounter<long>("chatapp.outbox.dead_lettered", "{message}", "Messages given up on.");
    }

    /// <summary>Starts the delivery span of a message, as a child of the activity that stored it when it was traced.</summary>
    public static Activity? StartDelivery(string module, OutboxMessage message)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // The event's short name from its assembly-qualified type name, worked out only when someone listens.
        var eventType = message.Type.Split(',')[0].Split('.')[^1];

        ActivityContext.TryParse(message.TraceParent, traceState: null, isRemote: true, out var parent);
        var activity = Source.StartActivity($"outbox.deliver {eventType}", ActivityKind.Consumer, parent);
        activity?.SetTag("chatapp.module", module);
        activity?.SetTag("chatapp.outbox.event_type", eventType);
        activity?.SetTag("chatapp.outbox.message_id", message.Id.ToString());
        activity?.SetTag("chatapp.outbox.attempt", message.Attempts + 1);
        return activity;
    }

    public void PickedUp(string module, TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalMilliseconds), new KeyValuePair<string, object?>("module", module));

    public void Delivered(string module) => _delivered.Add(1, new KeyValuePair<string, object?>("module", module));

    public void Failed(string module, bool deadLettered)
    {
        _failed.Add(1, new KeyValuePair<string, object?>("module", module));
        if (deadLettered)
        {
            _deadLettered.Add(1, new KeyValuePair<string, object?>("module", module));
        }
    }
}
