using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// An account was deleted for good (by its owner or by an administrator): its row, sessions and sign-in methods are
/// gone and the e-mail can register again. Every module erases what it holds of the person: it carries the id only,
/// never a name or an address. Published through the Accounts outbox in the transaction that deletes the account;
/// handlers must be idempotent (delivery is at least once).
/// </summary>
public sealed record AccountDeletedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId) : IIntegrationEvent;
