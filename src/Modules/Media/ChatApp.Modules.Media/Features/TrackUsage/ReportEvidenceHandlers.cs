using ChatApp.BuildingBlocks.Events;
using ChatApp.Modules.Media.Usage;
using ChatApp.Modules.Moderation.Contracts;

namespace ChatApp.Modules.Media.Features.TrackUsage;

/// <summary>A moderation report holds a message's pictures as evidence: they stay, even after the message is deleted.</summary>
internal sealed class ReportEvidenceHeldHandler(MediaUsage usage) : IIntegrationEventHandler<ReportEvidenceHeldIntegrationEvent>
{
    public Task HandleAsync(ReportEvidenceHeldIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        usage.HoldAsync(integrationEvent.MediaIds, MediaUse.ForReport(integrationEvent.ReportId), cancellationToken);
}

/// <summary>The report no longer needs its pictures: each goes once nothing else shows it.</summary>
internal sealed class ReportEvidenceReleasedHandler(MediaUsage usage) : IIntegrationEventHandler<ReportEvidenceReleasedIntegrationEvent>
{
    public Task HandleAsync(ReportEvidenceReleasedIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        usage.EndAsync(MediaUse.ForReport(integrationEvent.ReportId), integrationEvent.MediaIds, cancellationToken);
}
