using ChatApp.BuildingBlocks.Events;

namespace ChatApp.Modules.Chat.Contracts;

/// <summary>
/// New messages were stored. Chat writes messages in batches and publishes one event per batch through its outbox, in
/// the same transaction as the messages: a consumer (pending notifications now, push delivery later) sees every stored
/// message at least once, and none that was rolled back.
/// </summary>
public sealed record MessagesPostedIntegrationEvent(
    Guid EventId,
    DateTime OccurredAt,
    IReadOnlyList<PostedMessage> Messages) : IIntegrationEvent;
