using ChatApp.Modules.Chat.Contracts;
using ChatApp.Modules.Notifications.Domain;
using ChatApp.Modules.Notifications.Providers;
using ChatApp.Modules.Notifications.Sending;

namespace ChatApp.UnitTests.Notifications.Sending;

public sealed class PushPlannerTests
{
    private static readonly Guid User = Guid.NewGuid();
    private static readonly Guid Room = Guid.NewGuid();
    private readonly Device _phone = NewDevice(DevicePlatform.Ios);
    private readonly Device _tablet = NewDevice(DevicePlatform.Android);

    private static Device NewDevice(DevicePlatform platform) =>
        new() { Id = Guid.NewGuid(), Token = Guid.NewGuid().ToString("N"), AppId = "app.chat", Platform = platform, UserId = User };

    private static PushWork Work(long upTo, long read = 0) => new() { UserId = User, RoomId = Room, UpToSeq = upTo, ReadSeq = read };

    private static PushRoomContent Room_(long readSeq) => new(true, readSeq, PushRoomKind.Direct, null, null);

    private static PushMessage Alert(long seq) => new(PushKind.Alert, Room, seq, 2, Guid.NewGuid(), "Ana", "hi");

    private static Dictionary<(Guid, Guid), Delivery> Shown(params (Device Device, long Sent, long Cleared)[] shown) =>
        shown.ToDictionary(s => (s.Device.Id, Room), s => new Delivery { DeviceId = s.Device.Id, RoomId = Room, SentSeq = s.Sent, ClearedSeq = s.Cleared });

    [Fact]
    public void Every_device_not_yet_shown_the_message_gets_the_alert()
    {
        var plans = PushPlanner.Plan(Work(5), Room_(2), Alert(5), 2, [_phone, _tablet], Shown((_phone, 5, 0))).ToList();
        var plan = Assert.Single(plans);
        Assert.Equal(_tablet, plan.Device);
        Assert.Equal(PushKind.Alert, plan.Message.Kind);
    }

    [Fact]
    public void A_read_room_clears_the_devices_that_were_shown_it_and_only_them()
    {
        var plans = PushPlanner.Plan(Work(0, read: 7), Room_(7), null, 0, [_phone, _tablet], Shown((_phone, 6, 0))).ToList();
        var plan = Assert.Single(plans);
        Assert.Equal(_phone, plan.Device);
        Assert.Equal(new PushMessage(PushKind.Clear, Room, 7, 0), plan.Message);
    }

    [Fact]
    public void A_device_already_cleared_or_showing_something_unread_is_left_alone()
    {
        Assert.Empty(PushPlanner.Plan(Work(0, read: 7), Room_(7), null, 0, [_phone], Shown((_phone, 6, 7))));
        Assert.Empty(PushPlanner.Plan(Work(9, read: 7), Room_(7), null, 1, [_phone], Shown((_phone, 9, 7))));
    }

    [Fact]
    public void A_muted_room_still_clears_what_was_shown_before()
    {
        // Alerts are suppressed (null), but a read must still withdraw the old notification.
        var plan = Assert.Single(PushPlanner.Plan(Work(9, read: 8), Room_(8), null, 1, [_phone], Shown((_phone, 8, 0))));
        Assert.Equal(PushKind.Clear, plan.Message.Kind);
        Assert.Equal(8, plan.Message.Seq);
    }
}
