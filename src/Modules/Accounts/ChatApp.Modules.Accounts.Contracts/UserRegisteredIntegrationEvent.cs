using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>A new account exists. Published once per account through the Accounts outbox.</summary>
public sealed record UserRegisteredIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    string DisplayName) : IIntegrationEvent;
