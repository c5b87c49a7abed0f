using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Realtime;

namespace ChatApp.Modules.Chat.Features.RecordPendingNotifications;

/// <summary>
/// For each stored message, records a pending notification for every recipient who had no live connection on any node,
/// has not read that far yet and has no block with the sender either way: what the push-notification work will deliver.
/// The newly recorded ones are published as one <see cref="NotificationsPendingIntegrationEvent"/> in the same
/// transaction. Runs from the outbox (at least once, after the messages commit), so nothing is lost when a node dies;
/// a second run adds nothing and publishes nothing.
/// </summary>
internal sealed class RecordPendingNotificationsHandler(
    ChatDbContext db,
    IPresenceStore presence,
    IIdGenerator ids,
    OutboxSignal outboxSignal,
    TimeProvider timeProvider) : IIntegrationEventHandler<MessagesPostedIntegrationEvent>
{
    public async Task HandleAsync(MessagesPostedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var recipients = integrationEvent.Messages.SelectMany(m => m.RecipientIds).Distinct().ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var states = await presence.GetAsync(recipients, timeProvider.GetUtcNow().UtcDateTime);
        var offline = recipients.Where(u => !states.TryGetValue(u, out var state) || !state.Online).ToHashSet();
        if (offline.Count == 0)
        {
            return;
        }

        var roomIds = integrationEvent.Messages.Select(m => m.RoomId).Distinct().ToList();
        var offlineIds = offline.ToList();
        var readSeqs = (await db.RoomMembers.AsNoTracking()
                .Where(m => roomIds.Contains(m.RoomId) && offlineIds.Contains(m.UserId))
                .Select(m => new { m.RoomId, m.UserId, m.ReadSeq })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => (m.RoomId, m.UserId), m => m.ReadSeq);
        var messageIds = integrationEvent.Messages.Select(m => m.MessageId).ToList();
        var recorded = (await db.PendingNotifications.AsNoTracking()
                .Where(n => messageIds.Contains(n.MessageId))
                .Select(n => new { n.UserId, n.MessageId })
                .ToListAsync(cancellationToken))
            .Select(n => (n.UserId, n.MessageId))
            .ToHashSet();

        var senderIds = integrationEvent.Messages.Select(m => m.SenderId).Distinct().ToList();
        var blocked = (await db.Blocks.AsNoTracking()
                .Where(b => (senderIds.Contains(b.BlockerId) && offlineIds.Contains(b.BlockedId)) || (offlineIds.Contains(b.BlockerId) && senderIds.Contains(b.BlockedId)))
                .Select(b => new { b.BlockerId, b.BlockedId })
                .ToListAsync(cancellationToken))
            .SelectMany(b => new[] { (b.BlockerId, b.BlockedId), (b.BlockedId, b.BlockerId) })
            .ToHashSet();

        var notices = new List<PendingNotice>();
        foreach (var message in integrationEvent.Messages)
        {
            foreach (var user in message.RecipientIds.Where(offline.Contains))
            {
                // Someone who left the room meanwhile, already read past the message, or has a block with the sender
                // (group rooms let blocked people post) is not notified.
                if (readSeqs.TryGetValue((message.RoomId, user), out var readSeq) && readSeq < message.Seq
                    && !recorded.Contains((user, message.MessageId)) && !blocked.Contains((message.SenderId, user)))
                {
                    db.PendingNotifications.Add(new PendingNotification
                    {
                        UserId = user, MessageId = message.MessageId, RoomId = message.RoomId, Seq = message.Seq, SenderId = message.SenderId,
                        CreatedAt = integrationEvent.OccurredAt,
                    });
                    notices.Add(new PendingNotice(user, message.RoomId, message.MessageId, message.Seq, message.SenderId));
                }
            }
        }

        if (notices.Count == 0)
        {
            return;
        }

        db.AddIntegrationEvent(new NotificationsPendingIntegrationEvent(ids.NewId(), timeProvider.GetUtcNowForStorage(), notices));
        await db.SaveChangesAsync(cancellationToken);
        outboxSignal.Notify();
    }
}
