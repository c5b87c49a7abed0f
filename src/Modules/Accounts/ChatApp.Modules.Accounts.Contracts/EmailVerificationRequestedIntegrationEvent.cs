using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Accounts.Contracts;

/// <summary>An account's address needs verifying (sign-up, or the user asked again); Accounts mails it a code and a link.</summary>
public sealed record EmailVerificationRequestedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    Guid UserId,
    string Email) : IIntegrationEvent;
