using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Notifications.Providers;

namespace ChatApp.Modules.Notifications.Sending;

/// <summary>
/// Decides, per device of a person, what one work item needs: an alert about the newest unread message when alerts are
/// allowed and the device has not been shown that far, otherwise a silent clear when everything the device was shown
/// has been read (it lowers the badge and withdraws the room's notifications). A device already shown the message
/// gets nothing: a send is never repeated once recorded.
/// </summary>
internal static class PushPlanner
{
    public static IEnumerable<PlannedPush> Plan(
        PushWork work, PushRoomContent room, PushMessage? alert, int badge, IEnumerable<Device> devices, IReadOnlyDictionary<(Guid DeviceId, Guid RoomId), Delivery> deliveries)
    {
        var readSeq = Math.Max(work.ReadSeq, room.ReadSeq);
        foreach (var device in devices)
        {
            var delivery = deliveries.GetValueOrDefault((device.Id, work.RoomId));
            var sent = delivery?.SentSeq ?? 0;
            var cleared = delivery?.ClearedSeq ?? 0;
            if (alert is not null && sent < alert.Seq)
            {
                yield return new PlannedPush(work, device, alert);
            }
            else if (sent > cleared && sent <= readSeq)
            {
                yield return new PlannedPush(work, device, new PushMessage(PushKind.Clear, work.RoomId, readSeq, badge));
            }
        }
    }
}
