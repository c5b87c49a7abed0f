using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Moderation.Contracts;

/// <summary>
/// A report snapshotted a message's pictures (Media module ids): Media keeps them while the report needs them, even
/// when the message is deleted (ADR 0023, part M, session 7).
/// </summary>
public sealed record ReportEvidenceHeldIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid ReportId,
    IReadOnlyList<Guid> MediaIds) : IIntegrationEvent;
