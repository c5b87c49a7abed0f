using System.Diagnostics.Metrics;
using ChatApp.Modules.Notifications.Providers;

namespace ChatApp.Modules.Notifications.Sending;

/// <summary>Meter <c>ChatApp.Notifications</c>: pushes by platform, kind and outcome; how long an alert waited after its first notice.</summary>
internal sealed class PushMetrics
{
    public const string MeterName = "ChatApp.Notifications";

    private readonly Counter<long> _pushes;
    private readonly Histogram<double> _wait;
    private readonly Counter<long> _devicesRemoved;

    public PushMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _pushes = meter.CreateCounter<long>("chatapp.notifications.pushes", description: "Pushes handed to FCM/APNs, by platform, kind and outcome");
        _wait = meter.CreateHistogram<double>("chatapp.notifications.alert_wait", "ms", "From a room's first unpushed notice to its alert being accepted");
        _devicesRemoved = meter.CreateCounter<long>("chatapp.notifications.devices_removed", description: "Devices removed because the push service said the token is dead, or their session ended");
    }

    public void Pushed(PlannedPush push, PushResult result, DateTime now)
    {
        _pushes.Add(1, new("platform", push.Device.Platform.ToString()), new("kind", push.Message.Kind.ToString()), new("outcome", result.Outcome.ToString()));
        if (result.Outcome == PushOutcome.Sent && push.Message.Kind == PushKind.Alert)
        {
            _wait.Record((now - push.Work.FirstNoticeAt).TotalMilliseconds);
        }
    }

    public void DevicesRemoved(int count, string reason)
    {
        if (count > 0)
        {
            _devicesRemoved.Add(count, new KeyValuePair<string, object?>("reason", reason));
        }
    }
}
