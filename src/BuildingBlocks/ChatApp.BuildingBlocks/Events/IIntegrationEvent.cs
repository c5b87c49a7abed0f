namespace ChatApp.BuildingBlocks.Events;

/// <summary>A fact one module publishes for others, past tense, defined in the publisher's Contracts project.</summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }

    DateTime OccurredAt { get; }
}
