using System.Diagnostics;
using System.Text.Json;
using ChatApp.BuildingBlocks.Events;

namespace ChatApp.BuildingBlocks.Outbox;

/// <summary>An integration event stored in the producing module's schema, in the same transaction as the change it describes.</summary>
public sealed class OutboxMessage
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>"Namespace.Type, Assembly" of the event.</summary>
    public string Type { get; private set; } = "";

    public string Content { get; private set; } = "";

    public DateTime OccurredAt { get; private set; }

    public DateTime NextAttemptAt { get; internal set; }

    public DateTime? LockedUntil { get; internal set; }

    public int Attempts { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>Handlers that have already handled this message, one type name per line; a retry skips them.</summary>
    public string? CompletedHandlers { get; internal set; }

    public DateTime? ProcessedAt { get; internal set; }

    /// <summary>Set when the message ran out of attempts; it is kept for an operator to inspect and replay.</summary>
    public DateTime? DeadLetteredAt { get; internal set; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the activity that stored the event (null when nothing was tracing): the dispatcher
    /// continues that trace, so a handler's work shows up under the request or send that caused it (ADR 0020).
    /// </summary>
    public string? TraceParent { get; private set; }

    public static OutboxMessage From(IIntegrationEvent integrationEvent)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Content = JsonSerializer.Serialize(integrationEvent, type, SerializerOptions),
            OccurredAt = integrationEvent.OccurredAt,
            NextAttemptAt = integrationEvent.OccurredAt,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null,
        };
    }

    internal bool HasCompleted(string handler) =>
        CompletedHandlers is not null && CompletedHandlers.Split('\n').Contains(handler, StringComparer.Ordinal);

    internal void MarkCompleted(string handler) =>
        CompletedHandlers = CompletedHandlers is null ? handler : CompletedHandlers + "\n" + handler;
}
