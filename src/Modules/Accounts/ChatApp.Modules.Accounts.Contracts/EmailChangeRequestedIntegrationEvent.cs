using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// A user asked to change their address from <see cref="OldEmail"/> (null when the account had none); nothing changes
/// until they confirm with the token mailed to <see cref="NewEmail"/>. The old address gets a notice.
/// </summary>
public sealed record EmailChangeRequestedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    string NewEmail,
    string? OldEmail = null) : IIntegrationEvent;
