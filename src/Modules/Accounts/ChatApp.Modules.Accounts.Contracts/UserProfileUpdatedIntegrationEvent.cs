using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>A user's public profile changed; carries the whole public profile as it now is, so consumers can overwrite their copy.</summary>
public sealed record UserProfileUpdatedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    string DisplayName,
    string? Bio) : IIntegrationEvent;
