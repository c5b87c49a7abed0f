using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>A user confirmed a new address: the account moved from <see cref="OldEmail"/> (null when it had none) to <see cref="NewEmail"/>.</summary>
public sealed record EmailChangedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    string? OldEmail,
    string NewEmail) : IIntegrationEvent;
