using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>A user set, replaced or removed their avatar (media ids of the Media module; null when there is none).</summary>
public sealed record UserAvatarChangedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    Guid? MediaId,
    Guid? PreviousMediaId) : IIntegrationEvent;
