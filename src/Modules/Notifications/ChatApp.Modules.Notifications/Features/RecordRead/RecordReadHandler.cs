using ChatApp.BuildingBlocks.Events;
using ChatApp.BuildingBlocks.Time;
using ChatApp.Modules.Chat.Contracts;
using Microsoft.Extensions.Options;

namespace ChatApp.Modules.Notifications.Features.RecordRead;

/// <summary>
/// A room was read on some device: its pending alert will not be sent (the sender sees the read position), and every
/// device that was shown an alert from the room now read gets a silent clear after a short delay (several reads in a
/// row: one clear), which lowers the badge and withdraws the room's notifications. Idempotent: read positions only rise.
/// </summary>
internal sealed class RecordReadHandler(NotificationsDbContext db, IOptions<NotificationsOptions> options, TimeProvider timeProvider)
    : IIntegrationEventHandler<RoomReadIntegrationEvent>
{
    public Task HandleAsync(RoomReadIntegrationEvent integrationEvent, CancellationToken cancellationToken) =>
        PushWorkConflicts.RetryAsync(db, () => RecordAsync(integrationEvent, cancellationToken));

    private async Task RecordAsync(RoomReadIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        var (userId, roomId, readSeq) = (integrationEvent.UserId, integrationEvent.RoomId, integrationEvent.ReadSeq);
        var now = timeProvider.GetUtcNowForStorage();
        var dueAt = now + options.Value.ClearDelay;
        var work = await db.Pushes.SingleOrDefaultAsync(p => p.UserId == userId && p.RoomId == roomId, cancellationToken);
        if (work is not null)
        {
            if (readSeq <= work.ReadSeq)
            {
                return;
            }

            work.ReadSeq = readSeq;
            if (work.Attempts == 0)
            {
                // Sooner, unless the item waits out a failing push service (its back-off and Retry-After stand).
                work.DueAt = work.DueAt < dueAt ? work.DueAt : dueAt;
            }

            work.Version++;
        }
        else
        {
            // From the person's devices (indexed by user) to their deliveries (keyed by device and room).
            var shown = await db.Devices
                .Where(device => device.UserId == userId)
                .Join(db.Deliveries, device => device.Id, delivery => delivery.DeviceId, (_, delivery) => delivery)
                .AnyAsync(d => d.RoomId == roomId && d.SentSeq > d.ClearedSeq, cancellationToken);
            if (!shown)
            {
                return;
            }

            db.Pushes.Add(new PushWork { UserId = userId, RoomId = roomId, ReadSeq = readSeq, DueAt = dueAt, FirstNoticeAt = now, Version = 1 });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
