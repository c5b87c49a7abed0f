using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// A user asked to change their address; nothing changes until they confirm with the token mailed to
/// <see cref="NewEmail"/>. The current address gets a notice.
/// </summary>
public sealed record EmailChangeRequestedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    string NewEmail) : IIntegrationEvent;
