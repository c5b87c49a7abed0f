using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>
/// Someone asked for a password reset. <see cref="UserId"/> is null when the address has no account: the request is
/// stored all the same, so that known and unknown addresses cost the same and cannot be told apart; nothing is sent then.
/// </summary>
public sealed record PasswordResetRequestedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid? UserId) : IIntegrationEvent;
