using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Moderation.Contracts;

/// <summary>
/// A moderator's action left notices for these people (the person acted on, the reporters of the reports it closed):
/// Chat rings their connected apps, which then read <c>GET /api/v1/moderation/notices</c>. Carries no content.
/// </summary>
public sealed record ModerationNoticesIssuedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    IReadOnlyList<IssuedNotice> Notices) : IIntegrationEvent;
