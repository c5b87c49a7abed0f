using System.Text.Json.Nodes;
using ChatApp.IntegrationTests.Notifications.Fakes;
using ChatApp.Modules.Notifications.Domain;
using ChatApp.Modules.Notifications.Providers;
using Microsoft.Extensions.Logging;

namespace ChatApp.IntegrationTests.Notifications.Providers;

/// <summary>The FCM client against <see cref="FakeFcmServer"/>: access tokens, message shape, and what each answer means.</summary>
public sealed class FcmPushProviderTests
{
    private static readonly Guid RoomId = Guid.Parse("0193a7c4-1111-7000-8000-000000000001");
    private static readonly Guid MessageId = Guid.Parse("0193a7c4-2222-7000-8000-000000000002");

    [Fact]
    public async Task An_access_token_is_granted_once_and_reused_across_sends()
    {
        await using var host = await PushProvidersHost.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            var result = await host.FcmProvider.SendAsync(Target("phone-" + i), Alert(seq: i + 1), CancellationToken.None);
            Assert.Equal(PushOutcome.Sent, result.Outcome);
        }

        Assert.Equal(1, host.Fcm.GrantsIssued);
        Assert.Equal(3, host.Fcm.Accepted.All.Count);
        Assert.All(host.Fcm.Accepted.All, r => Assert.StartsWith("Bearer ya29.test-", r.Headers["authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_access_token_is_renewed_once_and_the_send_goes_through()
    {
        await using var host = await PushProvidersHost.StartAsync();
        Assert.Equal(PushOutcome.Sent, (await host.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None)).Outcome);

        host.Fcm.RevokeAccessTokens();
        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(seq: 2), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        Assert.Equal(2, host.Fcm.GrantsIssued);
        Assert.Equal(401, Assert.Single(host.Fcm.Rejected.All).Status);
        Assert.Equal(2, host.Fcm.Accepted.All.Count);
    }

    [Fact]
    public async Task An_access_token_refused_again_after_renewal_is_retry_later()
    {
        await using var host = await PushProvidersHost.StartAsync();
        host.Fcm.AcceptAccessTokens = false;

        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.RetryLater, result.Outcome);
        Assert.Contains("UNAUTHENTICATED", result.Reason, StringComparison.Ordinal);
        Assert.Equal(2, host.Fcm.GrantsIssued);
        Assert.Equal([401, 401], host.Fcm.Rejected.All.Select(r => r.Status));
    }

    [Fact]
    public async Task A_service_account_key_the_token_endpoint_does_not_know_is_refused_and_the_push_waits()
    {
        await using var host = await PushProvidersHost.StartAsync();
        await using var wrongKey = await PushProvidersHost.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Fcm:ServiceAccountJson"] = host.Fcm.ServiceAccountJsonWithAnotherKey(),
            ["Notifications:Fcm:BaseAddress"] = host.Fcm.BaseAddress.ToString(),
        });

        var result = await wrongKey.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.RetryLater, result.Outcome);
        Assert.Contains("invalid_grant", result.Reason, StringComparison.Ordinal);
        Assert.Contains("Signature", Assert.Single(host.Fcm.RefusedGrants.All), StringComparison.Ordinal);
        Assert.Equal(0, host.Fcm.GrantsIssued);
        Assert.Empty(host.Fcm.Accepted.All);
        Assert.Contains(wrongKey.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("refused the Firebase service account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_alert_passes_the_schema_check_with_a_notification_the_room_tag_and_string_data()
    {
        await using var host = await PushProvidersHost.StartAsync();

        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(seq: 42, badge: 7), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        var sent = Assert.Single(await host.Fcm.WaitForAcceptedAsync("phone", 1));
        var room = RoomId.ToString("N");
        Assert.Equal("phone", sent.Message!["token"]!.GetValue<string>());
        Assert.Equal(
            new JsonObject { ["title"] = "Ada in Team", ["body"] = "Hello there" }.ToJsonString(),
            sent.Notification!.ToJsonString());
        Assert.Equal(
            new JsonObject { ["type"] = "message", ["roomId"] = room, ["seq"] = "42", ["messageId"] = MessageId.ToString("N"), ["badge"] = "7" }.ToJsonString(),
            sent.Data!.ToJsonString());
        Assert.Equal(
            new JsonObject
            {
                ["priority"] = "HIGH",
                ["collapse_key"] = room,
                ["ttl"] = "86400s",
                ["notification"] = new JsonObject { ["tag"] = room, ["notification_count"] = 7 },
            }.ToJsonString(),
            sent.Android!.ToJsonString());
    }

    [Fact]
    public async Task A_clear_is_data_only_at_normal_priority()
    {
        await using var host = await PushProvidersHost.StartAsync();

        var result = await host.FcmProvider.SendAsync(Target("phone"), new PushMessage(PushKind.Clear, RoomId, Seq: 50, Badge: 0), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        var sent = Assert.Single(await host.Fcm.WaitForAcceptedAsync("phone", 1));
        Assert.Null(sent.Notification);
        Assert.Equal(
            new JsonObject { ["type"] = "read", ["roomId"] = RoomId.ToString("N"), ["seq"] = "50", ["badge"] = "0" }.ToJsonString(),
            sent.Data!.ToJsonString());
        Assert.Equal("NORMAL", sent.Android!["priority"]!.GetValue<string>());
        Assert.Null(sent.Android["notification"]);
    }

    [Theory]
    [InlineData("unregistered", "DeviceGone")]
    [InlineData("invalid-token", "DeviceGone")]
    [InlineData("sender-id-mismatch", "DeviceGone")]
    [InlineData("bad-field", "Rejected")]
    public async Task An_answer_about_the_token_removes_the_device_and_one_about_the_message_drops_only_the_push(string reply, string expected)
    {
        await using var host = await PushProvidersHost.StartAsync();
        host.Fcm.Script("phone", reply switch
        {
            "unregistered" => FcmReply.Unregistered,
            "invalid-token" => FcmReply.InvalidToken,
            "sender-id-mismatch" => FcmReply.SenderIdMismatch,
            _ => FcmReply.BadField("message.android.ttl"),
        });

        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(Enum.Parse<PushOutcome>(expected), result.Outcome);
        Assert.Single(host.Fcm.Rejected.All);
        Assert.Empty(host.Fcm.Accepted.All);
    }

    [Fact]
    public async Task A_short_Retry_After_is_waited_out_in_process_and_the_push_then_goes_through()
    {
        await using var host = await PushProvidersHost.StartAsync();
        host.Fcm.Script("phone", FcmReply.QuotaExceeded(retryAfter: "1"));

        var started = DateTimeOffset.UtcNow;
        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        Assert.Equal(429, Assert.Single(host.Fcm.Rejected.All).Status);
        Assert.Single(host.Fcm.Accepted.All);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After: 1");
    }

    [Fact]
    public async Task A_long_Retry_After_is_returned_to_the_sender_without_retrying()
    {
        await using var host = await PushProvidersHost.StartAsync();
        host.Fcm.Script("phone", FcmReply.QuotaExceeded(retryAfter: "120"));

        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.RetryLater, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        Assert.Single(host.Fcm.Rejected.All);
        Assert.Empty(host.Fcm.Accepted.All);
    }

    [Fact]
    public async Task An_outage_is_retried_twice_in_process_and_then_returned_as_retry_later()
    {
        await using var host = await PushProvidersHost.StartAsync();
        host.Fcm.Outage = true;

        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.RetryLater, result.Outcome);
        Assert.Contains("UNAVAILABLE", result.Reason, StringComparison.Ordinal);
        Assert.Equal(3, host.Fcm.Rejected.All.Count);
    }

    [Fact]
    public async Task A_single_503_is_retried_in_process_and_the_push_goes_through()
    {
        await using var host = await PushProvidersHost.StartAsync();
        host.Fcm.Script("phone", FcmReply.Unavailable);

        var result = await host.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.Sent, result.Outcome);
        Assert.Single(host.Fcm.Accepted.All);
    }

    [Fact]
    public async Task An_unreachable_service_is_retry_later_not_an_exception()
    {
        await using var host = await PushProvidersHost.StartAsync();
        await using var unreachable = await PushProvidersHost.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Fcm:ServiceAccountJson"] = host.Fcm.ServiceAccountJson,
            ["Notifications:Fcm:BaseAddress"] = "http://127.0.0.1:1",
        });

        var result = await unreachable.FcmProvider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.Equal(PushOutcome.RetryLater, result.Outcome);
        Assert.Contains("unreachable", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_service_account_Android_pushes_are_off_and_say_so_once()
    {
        await using var host = await PushProvidersHost.StartAsync(new Dictionary<string, string?>
        {
            ["Notifications:Fcm:ServiceAccountJson"] = null,
            ["Notifications:Fcm:BaseAddress"] = null,
        });

        var provider = host.FcmProvider;
        var result = await provider.SendAsync(Target("phone"), Alert(), CancellationToken.None);

        Assert.False(provider.IsEnabled);
        Assert.True(host.ApnsProvider.IsEnabled);
        Assert.Equal(PushOutcome.Rejected, result.Outcome);
        Assert.Single(host.Logs.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("Android pushes are off", StringComparison.Ordinal));
        Assert.Equal([DevicePlatform.Android, DevicePlatform.Ios], host.All.Select(p => p.Platform));
    }

    private static PushTarget Target(string token) => new(Guid.NewGuid(), DevicePlatform.Android, token, "com.chatapp.android");

    private static PushMessage Alert(long seq = 1, int badge = 1) =>
        new(PushKind.Alert, RoomId, seq, badge, MessageId, "Ada in Team", "Hello there");
}
