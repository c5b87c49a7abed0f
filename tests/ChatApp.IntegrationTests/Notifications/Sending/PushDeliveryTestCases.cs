using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.IntegrationTests.Notifications.Fakes;
using ChatApp.Modules.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Notifications.Sending;

/// <summary>
/// Push delivery end to end: messages sent through the real HTTP host to people with no live connection reach the FCM
/// and APNs stand-ins, which check what the real services check. "Nothing was pushed" is never shown by sleeping: a
/// later push (a sentinel, due after the item in question) proves that the sender has looked at it.
/// </summary>
public abstract class PushDeliveryTestCases<TFactory>(TFactory factory) : IntegrationTest<TFactory>(factory)
    where TFactory : ChatAppFactory, IPushFactory
{
    private const string Devices = "/api/v1/notifications/devices";

    private FakeFcmServer Fcm => Factory.Push.Fcm;

    private FakeApnsServer Apns => Factory.Push.Apns;

    [Fact]
    public async Task An_offline_member_gets_one_push_per_burst_with_the_text_and_the_unread_badge()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var android = await RegisterAndroidAsync(bob);
        var iphone = await RegisterIosAsync(bob);

        await Chat.SendAsync(ann, room.Id, "are you coming?");
        await Chat.SendAsync(ann, room.Id, "we start at 8");
        var last = await Chat.SendAsync(ann, room.Id, "bring the rope 🧗‍♀️");

        var fcm = Assert.Single(await Fcm.WaitForAcceptedAsync(android, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Ann", fcm.Notification!["title"]!.GetValue<string>());
        Assert.Equal("bring the rope 🧗‍♀️", fcm.Notification!["body"]!.GetValue<string>());
        Assert.Equal("message", fcm.Data!["type"]!.GetValue<string>());
        Assert.Equal(room.Id.ToString(), Guid.Parse(fcm.Data!["roomId"]!.GetValue<string>()).ToString());
        Assert.Equal(last.Seq.ToString(), fcm.Data!["seq"]!.GetValue<string>());
        Assert.Equal(last.Id, Guid.Parse(fcm.Data!["messageId"]!.GetValue<string>()));
        Assert.Equal("3", fcm.Data!["badge"]!.GetValue<string>());
        Assert.Equal("HIGH", fcm.Android!["priority"]!.GetValue<string>());
        Assert.Equal(room.Id.ToString("N"), fcm.Android!["collapse_key"]!.GetValue<string>());

        var apns = Assert.Single(await Apns.WaitForAcceptedAsync(iphone, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("alert", apns.Header("apns-push-type"));
        Assert.Equal("10", apns.Header("apns-priority"));
        Assert.Equal(room.Id.ToString("N"), apns.Header("apns-collapse-id"));
        Assert.Equal(3, apns.Aps!["badge"]!.GetValue<int>());
        Assert.Equal("bring the rope 🧗‍♀️", apns.Aps!["alert"]!["body"]!.GetValue<string>());
        Assert.Equal(room.Id.ToString("N"), apns.Aps!["thread-id"]!.GetValue<string>());

        // The burst was one push per device.
        await SentinelAsync();
        Assert.Single(Fcm.Accepted.All, r => r.Token == android && Guid.Parse(r.Data!["roomId"]!.GetValue<string>()) == room.Id);
        Assert.Single(Apns.Accepted.All, r => r.Token == iphone && r.Payload?["roomId"]?.GetValue<string>() is { } id && Guid.Parse(id) == room.Id);
    }

    [Fact]
    public async Task Reading_on_another_device_withdraws_the_notifications_and_lowers_the_badge()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var android = await RegisterAndroidAsync(bob);
        var iphone = await RegisterIosAsync(bob);
        var message = await Chat.SendAsync(ann, room.Id, "ping");
        await Fcm.WaitForAcceptedAsync(android, 1, TimeSpan.FromSeconds(60));
        await Apns.WaitForAcceptedAsync(iphone, 1, TimeSpan.FromSeconds(60));

        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, message.Seq)).StatusCode);

        var clear = (await Fcm.WaitForAcceptedAsync(android, 2, TimeSpan.FromSeconds(60)))[1];
        Assert.Null(clear.Notification);
        Assert.Equal("read", clear.Data!["type"]!.GetValue<string>());
        Assert.Equal(message.Seq.ToString(), clear.Data!["seq"]!.GetValue<string>());
        Assert.Equal("0", clear.Data!["badge"]!.GetValue<string>());
        Assert.Equal("NORMAL", clear.Android!["priority"]!.GetValue<string>());

        var silent = (await Apns.WaitForAcceptedAsync(iphone, 2, TimeSpan.FromSeconds(60)))[1];
        Assert.Equal("background", silent.Header("apns-push-type"));
        Assert.Equal("5", silent.Header("apns-priority"));
        Assert.Equal(1, silent.Aps!["content-available"]!.GetValue<int>());
        // Apple allows only content-available in a background push's aps: the badge travels beside it, for the app to set.
        Assert.Equal(["content-available"], silent.Aps!.Select(p => p.Key));
        Assert.Equal(0, silent.Payload!["badge"]!.GetValue<int>());
        Assert.Equal("read", silent.Payload!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reading_within_the_delay_pushes_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var android = await RegisterAndroidAsync(bob);
        var message = await Chat.SendAsync(ann, room.Id, "quick one");
        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, message.Seq)).StatusCode);

        await SentinelAsync();
        Assert.DoesNotContain(Fcm.Accepted.All, r => r.Token == android && RoomOf(r) == room.Id);
    }

    [Fact]
    public async Task A_muted_room_quiet_hours_and_a_blocked_sender_push_nothing_while_others_do()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var carol = await Api.NewUserAsync("Carol");
        var android = await RegisterAndroidAsync(bob);
        var direct = await Chat.OpenDirectAsync(ann, bob.Id);
        var group = await Chat.CreateGroupAsync(ann, "Climbing", bob.Id, carol.Id);

        // Muted room: nothing from it; the group still pushes.
        Assert.Equal(HttpStatusCode.OK, (await Api.As(bob).PutAsJsonAsync($"/api/v1/notifications/rooms/{direct.Id}/mute", new { until = (DateTimeOffset?)null })).StatusCode);
        await Chat.SendAsync(ann, direct.Id, "muted");
        await Chat.SendAsync(ann, group.Id, "group is heard");
        var groupPush = (await Fcm.Accepted.WaitForAsync(r => r.Token == android && RoomOf(r) == group.Id, 1, TimeSpan.FromSeconds(60))).Single();
        Assert.Equal("Climbing", groupPush.Notification!["title"]!.GetValue<string>());
        Assert.Equal("Ann: group is heard", groupPush.Notification!["body"]!.GetValue<string>());
        await SentinelAsync();
        Assert.DoesNotContain(Fcm.Accepted.All, r => r.Token == android && RoomOf(r) == direct.Id);

        // A blocked sender in a group (who may still post there) never causes a push.
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(bob).PutAsync($"/api/v1/chat/blocks/{carol.Id}", null)).StatusCode);
        await Chat.SendAsync(carol, group.Id, "from someone bob blocked");
        await SentinelAsync();
        Assert.DoesNotContain(Fcm.Accepted.All, r => r.Token == android && RoomOf(r) == group.Id && r.Notification!["body"]!.GetValue<string>().Contains("blocked", StringComparison.Ordinal));

        // Quiet hours around now, in bob's zone: nothing at all, until they are over.
        var now = TimeOnly.FromDateTime(DateTime.UtcNow);
        var quiet = new { start = now.AddHours(-1).ToString("HH:mm"), end = now.AddHours(1).ToString("HH:mm") };
        Assert.Equal(HttpStatusCode.OK, (await Api.As(bob).PutAsJsonAsync("/api/v1/notifications/preferences", new { showPreviews = true, timeZone = "Etc/UTC", quietHours = quiet })).StatusCode);
        var beforeQuiet = Fcm.Accepted.All.Count(r => r.Token == android);
        await Chat.SendAsync(ann, group.Id, "during quiet hours");
        await SentinelAsync();
        Assert.Equal(beforeQuiet, Fcm.Accepted.All.Count(r => r.Token == android));
    }

    [Fact]
    public async Task Without_previews_the_text_stays_on_the_server()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var iphone = await RegisterIosAsync(bob);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(bob).PutAsJsonAsync("/api/v1/notifications/preferences", new { showPreviews = false })).StatusCode);
        await Chat.SendAsync(ann, room.Id, "the code is 4711");

        var push = Assert.Single(await Apns.WaitForAcceptedAsync(iphone, 1, TimeSpan.FromSeconds(60)));
        Assert.Equal("Ann", push.Aps!["alert"]!["title"]!.GetValue<string>());
        Assert.Equal("New message", push.Aps!["alert"]!["body"]!.GetValue<string>());
        Assert.DoesNotContain("4711", push.Payload!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_tokens_are_removed_and_a_token_registered_again_after_its_death_is_kept()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var unregistered = await RegisterAndroidAsync(bob);
        var invalid = await RegisterAndroidAsync(bob);
        var badDevice = await RegisterIosAsync(bob);
        var uninstalled = await RegisterIosAsync(bob);
        var reinstalled = await RegisterIosAsync(bob);
        var alive = await RegisterAndroidAsync(bob);
        Fcm.Script(unregistered, FcmReply.Unregistered);
        Fcm.Script(invalid, FcmReply.InvalidToken);
        Apns.Script(badDevice, ApnsReply.BadDeviceToken);
        Apns.Script(uninstalled, ApnsReply.Unregistered(DateTimeOffset.UtcNow.AddMinutes(1)));
        Apns.Script(reinstalled, ApnsReply.Unregistered(DateTimeOffset.UtcNow.AddDays(-1)));

        await Chat.SendAsync(ann, room.Id, "anyone there?");
        await Fcm.WaitForAcceptedAsync(alive, 1, TimeSpan.FromSeconds(60));
        await Eventually.Async(async () => (await TokensOfAsync(bob)).Count == 2, TimeSpan.FromSeconds(30), "the four dead tokens are removed");
        Assert.Equal(new[] { alive, reinstalled }.Order(), (await TokensOfAsync(bob)).Order());
    }

    [Fact]
    public async Task A_provider_outage_delays_the_push_and_it_is_then_made_exactly_once()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var android = await RegisterAndroidAsync(bob);
        var iphone = await RegisterIosAsync(bob);
        Fcm.Outage = true;
        Apns.Outage = true;
        try
        {
            await Chat.SendAsync(ann, room.Id, "during the outage");
            await Fcm.Rejected.WaitForAsync(r => r.Token == android, 2, TimeSpan.FromSeconds(60), "refused FCM attempts");
            await Apns.Rejected.WaitForAsync(r => r.Token == iphone, 2, TimeSpan.FromSeconds(60), "refused APNs attempts");
            Assert.DoesNotContain(Fcm.Accepted.All, r => r.Token == android);
        }
        finally
        {
            Fcm.Outage = false;
            Apns.Outage = false;
        }

        await Fcm.WaitForAcceptedAsync(android, 1, TimeSpan.FromSeconds(120));
        await Apns.WaitForAcceptedAsync(iphone, 1, TimeSpan.FromSeconds(120));
        await SentinelAsync();
        Assert.Single(Fcm.Accepted.All, r => r.Token == android && RoomOf(r) == room.Id);
        Assert.Single(Apns.Accepted.All, r => r.Token == iphone);
        await using var scope = Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Pushes.AnyAsync(p => p.RoomId == room.Id));
    }

    [Fact]
    public async Task A_pass_that_fails_before_sending_puts_its_work_back_and_the_push_is_made_once_later()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var android = await RegisterAndroidAsync(bob);
        Factory.Push.Content.FailOnceFor(room.Id);
        var failedBefore = Factory.Push.Content.Failed;

        await Chat.SendAsync(ann, room.Id, "survives a failed pass");

        await Fcm.WaitForAcceptedAsync(android, 1, TimeSpan.FromSeconds(60));
        Assert.Equal(failedBefore + 1, Factory.Push.Content.Failed);
        await SentinelAsync();
        Assert.Single(Fcm.Accepted.All, r => r.Token == android);
    }

    [Fact]
    public async Task A_device_removed_while_its_push_is_in_flight_costs_the_other_devices_nothing()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var kept = await RegisterAndroidAsync(bob);
        var removed = await RegisterAndroidAsync(bob);
        Fcm.BeforeAccepting[removed] = async () =>
        {
            using var deleted = await Api.As(bob).DeleteAsync($"{Devices}/{Uri.EscapeDataString(removed)}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        };

        var message = await Chat.SendAsync(ann, room.Id, "in flight");
        await Fcm.WaitForAcceptedAsync(kept, 1, TimeSpan.FromSeconds(60));
        await Fcm.WaitForAcceptedAsync(removed, 1, TimeSpan.FromSeconds(60));
        await SentinelAsync();

        // The kept device's alert was recorded despite the other one vanishing: no second alert, and a read clears it.
        Assert.Single(Fcm.Accepted.All, r => r.Token == kept);
        Assert.Equal(HttpStatusCode.OK, (await Chat.PostReadAsync(bob, room.Id, message.Seq)).StatusCode);
        var clear = (await Fcm.WaitForAcceptedAsync(kept, 2, TimeSpan.FromSeconds(60)))[1];
        Assert.Equal("read", clear.Data!["type"]!.GetValue<string>());
        Assert.Equal([kept], await TokensOfAsync(bob));
    }

    [Fact]
    public async Task A_device_of_an_app_this_server_does_not_serve_is_refused_at_registration()
    {
        var bob = await Api.NewUserAsync("Bob");
        using var response = await Api.As(bob).PutAsJsonAsync(
            Devices, new { platform = "ios", token = FakeApnsServer.NewDeviceToken(), appId = "com.someone.else" });
        var problem = await Problem.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("notifications.unknown_app_id", problem.Code);
        Assert.Contains(PushStandIns.AppId, problem.Detail + string.Join(" ", problem.Errors.SelectMany(e => e.Value)), StringComparison.Ordinal);
        Assert.Empty(await TokensOfAsync(bob));
    }

    [Fact]
    public async Task Signing_out_removes_the_sessions_device_and_stops_its_pushes()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var phone = await RegisterAndroidAsync(bob);
        var tablet = new TestUser(bob.Id, bob.Email, bob.Password, await Api.LoginAsync(bob.Email, bob.Password, "tablet"));
        var tabletToken = await RegisterAndroidAsync(tablet);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(tablet).PostAsync("/api/v1/accounts/logout", null)).StatusCode);
        await Eventually.Async(async () => !(await TokensOfAsync(bob)).Contains(tabletToken), TimeSpan.FromSeconds(30), "the tablet's device is removed");
        Assert.Equal([phone], await TokensOfAsync(bob));

        await Chat.SendAsync(ann, room.Id, "only the phone hears this");
        await Fcm.WaitForAcceptedAsync(phone, 1, TimeSpan.FromSeconds(60));
        Assert.DoesNotContain(Fcm.Accepted.All, r => r.Token == tabletToken);
    }

    private static Guid? RoomOf(FcmRequest request) =>
        request.Data?["roomId"]?.GetValue<string>() is { } id ? Guid.Parse(id) : null;

    /// <summary>
    /// A push to someone else, made after everything queued before it was decided: Chat hands notices on in the order
    /// the messages were stored and the sender takes work in due order, so once the sentinel's push is accepted every
    /// earlier item has been looked at (and pushed, or not).
    /// </summary>
    private async Task SentinelAsync()
    {
        var stranger = await Api.NewUserAsync("Sentinel");
        var watcher = await Api.NewUserAsync("Watcher");
        var token = await RegisterAndroidAsync(watcher);
        var room = await Chat.OpenDirectAsync(stranger, watcher.Id);
        await Chat.SendAsync(stranger, room.Id, "sentinel");
        await Fcm.WaitForAcceptedAsync(token, 1, TimeSpan.FromSeconds(60));
    }

    private async Task<string> RegisterAndroidAsync(TestUser user)
    {
        var token = "fcm_" + Guid.NewGuid().ToString("N") + ":APA91b" + Guid.NewGuid().ToString("N");
        await RegisterAsync(user, "android", token);
        return token;
    }

    private async Task<string> RegisterIosAsync(TestUser user)
    {
        var token = FakeApnsServer.NewDeviceToken();
        await RegisterAsync(user, "ios", token);
        return token;
    }

    private async Task RegisterAsync(TestUser user, string platform, string token)
    {
        using var response = await Api.As(user).PutAsJsonAsync(Devices, new { platform, token, appId = PushStandIns.AppId, locale = "en-GB" });
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<List<string>> TokensOfAsync(TestUser user)
    {
        var devices = await Api.As(user).GetFromJsonAsync<JsonElement>(Devices);
        return devices.EnumerateArray().Select(d => d.GetProperty("token").GetString()!).ToList();
    }
}

