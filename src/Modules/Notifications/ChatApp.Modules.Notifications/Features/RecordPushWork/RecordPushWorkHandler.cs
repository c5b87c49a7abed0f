using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Contracts;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Features.RecordPushWork;

/// <summary>
/// Turns Chat's pending notices into push work: one item per person and room, however many messages arrive. The first
/// notice makes the item due after the collapse delay; later ones only raise its sequence, so a burst is one push. People
/// without a registered device get no work at all. Idempotent (a redelivered event changes nothing: sequences only
/// rise). A conflict (the sender deleted an item meanwhile: the version check; another node's handler inserted the same
/// item) makes it read again and retry at once, a few times, before the outbox's own back-off takes over.
/// </summary>
internal sealed class RecordPushWorkHandler(NotificationsDbContext db, IOptions<NotificationsOptions> options, TimeProvider timeProvider)
    : IIntegrationEventHandler<NotificationsPendingIntegrationEvent>
{
    public Task HandleAsync(NotificationsPendingIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        PushWorkConflicts.RetryAsync(db, () => RecordAsync(integrationEvent, cancellationToken));

    private async Task RecordAsync(NotificationsPendingIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var userIds = integrationEvent.Notices.Select(n => n.UserId).Distinct().ToList();
        var withDevices = (await db.Devices.AsNoTracking().Where(d => userIds.Contains(d.UserId)).Select(d => d.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var notices = integrationEvent.Notices
            .Where(n => withDevices.Contains(n.UserId))
            .GroupBy(n => (n.UserId, n.RoomId))
            .Select(g => (Key: g.Key, Seq: g.Max(n => n.Seq)))
            .ToList();
        if (notices.Count == 0)
        {
            return;
        }

        var users = notices.Select(n => n.Key.UserId).Distinct().ToList();
        var rooms = notices.Select(n => n.Key.RoomId).Distinct().ToList();
        var existing = (await db.Pushes.Where(p => users.Contains(p.UserId) && rooms.Contains(p.RoomId)).ToListAsync(cancellationToken))
            .ToDictionary(p => (p.UserId, p.RoomId));
        var now = timeProvider.GetUtcNowForStorage();
        var dueAt = now + options.Value.Delay;
        foreach (var (key, seq) in notices)
        {
            if (!existing.TryGetValue(key, out var work))
            {
                db.Pushes.Add(new PushWork { UserId = key.UserId, RoomId = key.RoomId, UpToSeq = seq, DueAt = dueAt, FirstNoticeAt = now, Version = 1 });
                continue;
            }

            if (seq <= work.UpToSeq)
            {
                continue;
            }

            if (work.UpToSeq <= work.ReadSeq)
            {
                // Nothing was waiting to be announced (the item only had a clear to make): the new burst starts now.
                work.DueAt = work.DueAt > dueAt ? work.DueAt : dueAt;
                work.FirstNoticeAt = now;
            }

            work.UpToSeq = seq;
            work.Version++;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
