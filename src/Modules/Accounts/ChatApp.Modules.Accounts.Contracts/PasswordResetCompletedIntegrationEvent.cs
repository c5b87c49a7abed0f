using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>An account's password was reset with a mailed token (every session was ended); Accounts tells the address.</summary>
public sealed record PasswordResetCompletedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId) : IIntegrationEvent;
