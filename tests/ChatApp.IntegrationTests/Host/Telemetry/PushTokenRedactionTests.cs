using System.Diagnostics;
using ChatApp.Host.Telemetry;

namespace ChatApp.IntegrationTests.Host.Telemetry;

public sealed class PushTokenRedactionTests
{
    [Fact]
    public void An_APNs_span_keeps_the_host_but_not_the_device_token_and_other_calls_are_untouched()
    {
        const string token = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
        using var apns = new Activity("POST");
        apns.SetTag("url.full", $"https://api.push.apple.com/3/device/{token}");
        PushTokenRedaction.Enrich(apns, new HttpRequestMessage(HttpMethod.Post, $"https://api.push.apple.com/3/device/{token}"));
        Assert.Equal("https://api.push.apple.com/3/device/REDACTED", apns.GetTagItem("url.full"));

        using var fcm = new Activity("POST");
        fcm.SetTag("url.full", "https://fcm.googleapis.com/v1/projects/p/messages:send");
        PushTokenRedaction.Enrich(fcm, new HttpRequestMessage(HttpMethod.Post, "https://fcm.googleapis.com/v1/projects/p/messages:send"));
        Assert.Equal("https://fcm.googleapis.com/v1/projects/p/messages:send", fcm.GetTagItem("url.full"));
    }
}
