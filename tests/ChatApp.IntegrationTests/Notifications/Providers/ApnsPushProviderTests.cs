using System.Globalization;
using System.Text;
using ChatApp.IntegrationTests.Notifications.Fakes;
using ChatApp.Modules.Notifications.Domain;
using ChatApp.Modules.Notifications.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ChatApp.IntegrationTests.Notifications.Providers;

/// <summary>The APNs client against <see cref="FakeApnsServer"/> over HTTP/2 and TLS: provider token, headers, payload, answers.</summary>
public sealed class ApnsPushProviderTests
{
    private static readonly Guid RoomId = Guid.Parse("0193a7c4-1111-7000-8000-000000000001");
    private static readonly Guid MessageId = Guid.Parse("0193a7c4-2222-7000-8000-000000000002");

    [Fact]
    public async Task One_provider_token_is_made_and_reused_across_pushes_over_HTTP2()
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phones = Enumerable.Range(0, 3).Select(_ => FakeApnsServer.NewDeviceToken()).ToList();

        foreach (var phone in phones)
        {
            Assert.Equal(PushOutcome.Sent, (await host.ApnsProvider.SendAsync(Target(phone), Alert(), CancellationToken.None)).Outcome);
        }

        Assert.Equal(3, host.Apns.Accepted.All.Count);
        Assert.All(host.Apns.Accepted.All, r => Assert.Equal("HTTP/2", r.Protocol));
        Assert.Single(host.Apns.Accepted.All.Select(r => r.ProviderToken).Distinct());
        Assert.Equal(1, host.ApnsProvider.TokensIssued);
    }

    [Fact]
    public async Task An_expired_provider_token_is_renewed_once_and_the_push_goes_through()
    {
        // The providers' clock starts 25 minutes back (the stand-in checks iat against the real clock: < 1 h old) so that
        // the first token can be 21 minutes old: APNs allows a renewal every 20 minutes at most.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-25));
        await using var host = await PushProvidersHost.StartAsync(time: time);
        var phone = FakeApnsServer.NewDeviceToken();
        Assert.Equal(PushOutcome.Sent, (await host.ApnsProvider.SendAsync(Target(phone), Alert(), CancellationToken.None)).Outcome);

        time.Advance(TimeSpan.FromMinutes(21));
        host.Apns.ExpireProviderTokens();
        var result = await host.ApnsProvider.SendAsync(Target(phone), Alert(seq: 2), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        var refused = Assert.Single(host.Apns.Rejected.All);
        Assert.Equal((403, "ExpiredProviderToken"), (refused.Status, refused.Reason));
        Assert.Equal(2, host.Apns.ProviderTokensSeen);
        Assert.Equal(2, host.ApnsProvider.TokensIssued);
        Assert.NotEqual(host.Apns.Accepted.All[0].ProviderToken, host.Apns.Accepted.All[1].ProviderToken);
    }

    [Fact]
    public async Task A_young_provider_token_refused_again_is_not_renewed_and_the_push_waits_five_minutes()
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phone = FakeApnsServer.NewDeviceToken();
        Assert.Equal(PushOutcome.Sent, (await host.ApnsProvider.SendAsync(Target(phone), Alert(), CancellationToken.None)).Outcome);

        host.Apns.ExpireProviderTokens();
        var result = await host.ApnsProvider.SendAsync(Target(phone), Alert(seq: 2), CancellationToken.None);

        Assert.Equal(PushOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(5), result.RetryAfter);
        Assert.Equal(1, host.ApnsProvider.TokensIssued);
        Assert.Contains(host.Logs.Lines, e => e.Level == LogLevel.Error && e.Message.Contains("provider token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alert_carries_the_device_topic_alert_type_high_priority_the_room_as_collapse_id_and_a_day_of_expiry()
    {
        await using var host = await PushProvidersHost.StartAsync();
        host.Apns.OtherTopics["com.chatapp.beta"] = true;
        var phone = FakeApnsServer.NewDeviceToken();

        var result = await host.ApnsProvider.SendAsync(Target(phone, appId: "com.chatapp.beta"), Alert(seq: 42, badge: 7), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        var sent = Assert.Single(await host.Apns.WaitForAcceptedAsync(phone, 1));
        var room = RoomId.ToString("N");
        Assert.Equal("com.chatapp.beta", sent.Header("apns-topic"));
        Assert.Equal("alert", sent.Header("apns-push-type"));
        Assert.Equal("10", sent.Header("apns-priority"));
        Assert.Equal(room, sent.Header("apns-collapse-id"));
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(sent.Header("apns-expiration")!, CultureInfo.InvariantCulture));
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(25));
        Assert.Equal(
            $$"""{"aps":{"alert":{"title":"Ada in Team","body":"Hello there"},"badge":7,"sound":"default","thread-id":"{{room}}"},"type":"message","roomId":"{{room}}","seq":42,"messageId":"{{MessageId:N}}"}""",
            sent.Payload!.ToJsonString());
    }

    [Fact]
    public async Task A_device_without_an_app_id_is_pushed_on_the_configured_topic()
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phone = FakeApnsServer.NewDeviceToken();

        Assert.Equal(PushOutcome.Sent, (await host.ApnsProvider.SendAsync(Target(phone, appId: ""), Alert(), CancellationToken.None)).Outcome);

        Assert.Equal(FakeApnsServer.Topic, Assert.Single(host.Apns.Accepted.All).Header("apns-topic"));
    }

    [Fact]
    public async Task A_clear_is_a_background_push_at_priority_5_with_content_available()
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phone = FakeApnsServer.NewDeviceToken();

        var result = await host.ApnsProvider.SendAsync(Target(phone), new PushMessage(PushKind.Clear, RoomId, Seq: 50, Badge: 2), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        var sent = Assert.Single(await host.Apns.WaitForAcceptedAsync(phone, 1));
        Assert.Equal("background", sent.Header("apns-push-type"));
        Assert.Equal("5", sent.Header("apns-priority"));
        Assert.Null(sent.Header("apns-collapse-id"));
        Assert.Equal(
            $$"""{"aps":{"content-available":1},"type":"read","roomId":"{{RoomId:N}}","seq":50,"badge":2}""",
            sent.Payload!.ToJsonString());
    }

    [Fact]
    public async Task An_oversized_body_is_shortened_by_whole_characters_to_fit_4096_bytes()
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phone = FakeApnsServer.NewDeviceToken();
        var body = string.Concat(Enumerable.Repeat("Grüße 👋🏽 ", 600));

        var result = await host.ApnsProvider.SendAsync(Target(phone), Alert(body: body), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        var sent = Assert.Single(await host.Apns.WaitForAcceptedAsync(phone, 1));
        Assert.InRange(sent.PayloadBytes, 3900, FakeApnsServer.MaxPayloadBytes);
        var shortened = sent.Aps!["alert"]!["body"]!.GetValue<string>();
        Assert.EndsWith("…", shortened, StringComparison.Ordinal);
        Assert.StartsWith(shortened[..^1], body, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(shortened) < Encoding.UTF8.GetByteCount(body));
        Assert.False(char.IsHighSurrogate(shortened[^2]), "no emoji is cut in half");
    }

    [Fact]
    public async Task Unregistered_with_a_timestamp_removes_the_device_since_then()
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phone = FakeApnsServer.NewDeviceToken();
        var since = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeMilliseconds());
        host.Apns.Script(phone, ApnsReply.Unregistered(since));

        var result = await host.ApnsProvider.SendAsync(Target(phone), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.DeviceGone, result.Outcome);
        Assert.Equal(since, result.TokenInvalidSince);
    }

    [Theory]
    [InlineData("bad-device-token", "DeviceGone")]
    [InlineData("not-for-topic", "DeviceGone")]
    [InlineData("disallowed-topic", "Rejected")]
    [InlineData("too-many-requests-120", "RetryLater")]
    [InlineData("outage", "RetryLater")]
    public async Task Each_answer_maps_to_what_the_sender_does_with_the_device(string answer, string expected)
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phone = FakeApnsServer.NewDeviceToken();
        var appId = FakeApnsServer.Topic;
        switch (answer)
        {
            case "bad-device-token":
                host.Apns.Script(phone, ApnsReply.BadDeviceToken);
                break;
            case "not-for-topic":
                host.Apns.Script(phone, ApnsReply.DeviceTokenNotForTopic);
                break;
            case "disallowed-topic":
                appId = "com.someone.else";
                break;
            case "too-many-requests-120":
                host.Apns.Script(phone, ApnsReply.TooManyRequests(retryAfter: "120"));
                break;
            default:
                host.Apns.Outage = true;
                break;
        }

        var result = await host.ApnsProvider.SendAsync(Target(phone, appId), Alert(), CancellationToken.None);

        Assert.Equal(Enum.Parse<PushOutcome>(expected), result.Outcome);
        Assert.Empty(host.Apns.Accepted.All);
        if (answer == "too-many-requests-120")
        {
            Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
            Assert.Single(host.Apns.Rejected.All);
        }
    }

    [Fact]
    public async Task A_short_Retry_After_is_waited_out_in_process_over_HTTP2()
    {
        await using var host = await PushProvidersHost.StartAsync();
        var phone = FakeApnsServer.NewDeviceToken();
        host.Apns.Script(phone, ApnsReply.TooManyRequests(retryAfter: "1"), ApnsReply.ServiceUnavailable);

        var result = await host.ApnsProvider.SendAsync(Target(phone), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        Assert.Equal([429, 503], host.Apns.Rejected.All.Select(r => r.Status));
        Assert.Single(host.Apns.Accepted.All);
    }

    [Fact]
    public async Task Without_trusting_the_stand_in_the_certificate_is_refused_and_the_push_waits()
    {
        await using var host = await PushProvidersHost.StartAsync(trustApns: false);

        var result = await host.ApnsProvider.SendAsync(Target(FakeApnsServer.NewDeviceToken()), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.RetryLater, result.Outcome);
        Assert.Contains("unreachable", result.Reason, StringComparison.Ordinal);
        Assert.Empty(host.Apns.Accepted.All);
    }

    private static PushTarget Target(string token, string appId = FakeApnsServer.Topic) => new(Guid.NewGuid(), DevicePlatform.Ios, token, appId);

    private static PushMessage Alert(long seq = 1, int badge = 1, string body = "Hello there") =>
        new(PushKind.Alert, RoomId, seq, badge, MessageId, "Ada in Team", body);
}
