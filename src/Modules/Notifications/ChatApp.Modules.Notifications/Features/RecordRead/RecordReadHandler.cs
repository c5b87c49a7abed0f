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
    public async Task HandleAsync(RoomReadIntegrationEvent integrationEvent, CancellationToken cancellationToken)
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
            work.DueAt = work.DueAt < dueAt ? work.DueAt : dueAt;
            work.Version++;
        }
        else
        {
            var shown = await db.Deliveries.AnyAsync(
                d => d.RoomId == roomId && d.SentSeq > d.ClearedSeq && db.Devices.Any(device => device.Id == d.DeviceId && device.UserId == userId), cancellationToken);
            if (!shown)
            {
                return;
            }

            db.Pushes.Add(new PushWork { UserId = userId, RoomId = roomId, ReadSeq = readSeq, DueAt = dueAt, FirstNoticeAt = now, Version = 1 });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
