using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Moderation.Contracts;

/// <summary>
/// A report no longer needs its pictures (closed longer than the evidence retention, or its reporter's account was
/// deleted): Media deletes them unless something else still shows them.
/// </summary>
public sealed record ReportEvidenceReleasedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid ReportId,
    IReadOnlyList<Guid> MediaIds) : IIntegrationEvent;
