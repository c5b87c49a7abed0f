using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// Messages reached people who had no live connection and have not read them: each notice is something a push
/// notification may announce. Chat publishes it through its outbox in the same transaction that records the pending
/// notifications, only for newly recorded ones (a redelivered <see cref="MessagesPostedIntegrationEvent"/> publishes
/// nothing), and never for a recipient who blocked the sender or was blocked by them.
/// </summary>
public sealed record NotificationsPendingIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    IReadOnlyList<PendingNotice> Notices) : IIntegrationEvent;
