using System.Net;
using ChatApp.Client;
using ChatApp.Client.Media;
using ChatApp.Client.Realtime;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.IntegrationTests.Notifications.Devices;
using Microsoft.AspNetCore.SignalR.Client;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Client;

/// <summary>The typed client (src/Clients/ChatApp.Client) against the real host, reading answers in strict contract mode.</summary>
public sealed class ClientTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private const string Password = "Corr3ct-Horse";

    [Fact]
    public async Task Register_sign_in_and_read_my_profile()
    {
        await using var client = new TestServerLine(Factory).NewClient();
        var email = AccountsApi.UniqueEmail();

        var registration = await client.Accounts.RegisterAsync(email, Password, "김민준", handle: "minjun_" + Guid.NewGuid().ToString("N")[..6]);
        var tokens = await client.Accounts.LoginAsync(email, Password, deviceName: "client test");
        var me = await client.Accounts.GetMeAsync();

        Assert.Equal(registration.UserId, me.Id);
        Assert.Equal(email, me.Email);
        Assert.Equal("김민준", me.DisplayName);
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.True(await client.Session.IsSignedInAsync());
    }

    [Fact]
    public async Task A_refusal_is_a_ChatAppApiException_with_its_code()
    {
        await using var client = new TestServerLine(Factory).NewClient();

        var invalid = await Assert.ThrowsAsync<ChatAppApiException>(() => client.Accounts.RegisterAsync("not an address", "weak", ""));
        var wrongPassword = await Assert.ThrowsAsync<ChatAppApiException>(() => client.Accounts.LoginAsync(AccountsApi.UniqueEmail(), Password));
        await SignUpAsync(client);
        var notFound = await Assert.ThrowsAsync<ChatAppApiException>(() => client.Chat.GetRoomAsync(Guid.NewGuid()));
        await client.Realtime.StartAsync();
        var hubRefusal = await Assert.ThrowsAsync<ChatHubException>(() => client.Realtime.SendMessageAsync(Guid.NewGuid(), "hello"));

        Assert.Equal((HttpStatusCode.BadRequest, "validation_failed"), (invalid.Status, invalid.Code));
        Assert.Contains("email", invalid.Errors.Keys);
        Assert.Contains("password", invalid.Errors.Keys);
        Assert.Equal((HttpStatusCode.Unauthorized, "accounts.invalid_credentials"), (wrongPassword.Status, wrongPassword.Code));
        Assert.Equal((HttpStatusCode.NotFound, "chat.room_not_found"), (notFound.Status, notFound.Code));
        Assert.Equal("chat.room_not_found", hubRefusal.Code);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_people_chat_live_both_ways_with_typed_events(bool messagePack)
    {
        var line = new TestServerLine(Factory);
        await using var minjun = line.NewClient(messagePack);
        await using var anna = line.NewClient(messagePack);
        var annaId = await SignUpAsync(anna);
        var minjunId = await SignUpAsync(minjun);
        var minjunInbox = new MessageInbox(minjun.Realtime);
        var annaInbox = new MessageInbox(anna.Realtime);
        await minjun.Realtime.StartAsync();
        await anna.Realtime.StartAsync();

        var room = await minjun.Chat.OpenDirectAsync(annaId);
        var sent = await minjun.Realtime.SendMessageAsync(room.Id, "안녕하세요, 안나!");
        var heard = await annaInbox.WaitForAsync(m => m.Id == sent.Id);
        var reply = await anna.Realtime.SendMessageAsync(room.Id, "Hi Minjun!", replyTo: sent.Id);
        var heardBack = await minjunInbox.WaitForAsync(m => m.Id == reply.Id);

        Assert.Equal(("안녕하세요, 안나!", minjunId), (heard.Text, heard.SenderId));
        Assert.Equal(("Hi Minjun!", annaId, (Guid?)sent.Id), (heardBack.Text, heardBack.SenderId, heardBack.ReplyToId));
        await Eventually.Async(() => minjun.Realtime.Cursor[room.Id] == reply.Seq, TimeSpan.FromSeconds(30), () => $"cursor {minjun.Realtime.Cursor[room.Id]}");
        var read = await anna.Realtime.MarkReadAsync(room.Id, reply.Seq);
        Assert.Equal((room.Id, reply.Seq, 0), (read.RoomId, read.ReadSeq, read.UnreadCount));
    }

    [Fact]
    public async Task A_send_retried_after_a_lost_connection_is_stored_once()
    {
        var line = new TestServerLine(Factory);
        await using var minjun = line.NewClient();
        await using var anna = line.NewClient();
        var annaId = await SignUpAsync(anna);
        await SignUpAsync(minjun);
        await minjun.Realtime.StartAsync();
        var room = await minjun.Chat.OpenDirectAsync(annaId);
        var clientMessageId = Guid.NewGuid().ToString();
        // The first attempt reached the server and was stored, but its answer was lost with the connection.
        var stored = await minjun.Chat.SendAsync(room.Id, "one message", clientMessageId);
        line.Cut();
        await Eventually.Async(() => Task.FromResult(minjun.Realtime.Connection.State != HubConnectionState.Connected));

        var sending = minjun.Realtime.SendMessageAsync(room.Id, "one message", clientMessageId: clientMessageId);
        line.Restore();
        var retried = await sending.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(stored.Id, retried.Id);
        var history = await minjun.Chat.GetMessagesAsync(room.Id);
        Assert.Single(history.Messages, m => m.ClientMessageId == clientMessageId);
        Assert.True(line.Connects >= 2);
    }

    [Fact]
    public async Task After_a_reconnect_missed_messages_arrive_through_sync()
    {
        var line = new TestServerLine(Factory);
        var otherLine = new TestServerLine(Factory);
        await using var minjun = line.NewClient();
        await using var anna = otherLine.NewClient();
        var annaId = await SignUpAsync(anna);
        await SignUpAsync(minjun);
        var room = await minjun.Chat.OpenDirectAsync(annaId);
        var annaInbox = new MessageInbox(anna.Realtime);
        SyncResultCount synced = new();
        anna.Realtime.Synced += _ => synced.Increment();
        await anna.Realtime.StartAsync();
        otherLine.Cut();
        await Eventually.Async(() => Task.FromResult(anna.Realtime.Connection.State != HubConnectionState.Connected));

        var missed = new[]
        {
            await minjun.Chat.SendAsync(room.Id, "while you were away 1"),
            await minjun.Chat.SendAsync(room.Id, "while you were away 2"),
        };
        var syncsBefore = synced.Value;
        otherLine.Restore();

        foreach (var message in missed)
        {
            await annaInbox.WaitForAsync(m => m.Id == message.Id);
        }
        await Eventually.Async(() => Task.FromResult(synced.Value > syncsBefore && anna.Realtime.Cursor[room.Id] == missed[^1].Seq));
    }

    [Fact]
    public async Task An_upload_with_a_crop_returns_the_variants()
    {
        await using var client = new TestServerLine(Factory).NewClient();
        await SignUpAsync(client);

        var image = await client.Media.UploadImageAsync(
            TestImages.Solid(800, 600, SKColors.CornflowerBlue), "photo.jpg", "chat", new Crop(100, 50, 400, 300));

        Assert.Equal(("chat", 400, 300), (image.Purpose, image.Width, image.Height));
        Assert.Equal(["chat", "chat-thumb"], image.Variants.Select(v => v.Name).Order(StringComparer.Ordinal));
        Assert.All(image.Variants, v => Assert.Equal("image/jpeg", v.ContentType));
    }

    [Fact]
    public async Task Profile_changes_and_an_avatar_read_back_in_strict_mode()
    {
        await using var client = new TestServerLine(Factory).NewClient();
        var id = await SignUpAsync(client);
        var picture = await client.Media.UploadImageAsync(TestImages.Solid(300, 300, SKColors.Coral), "me.jpg", "avatar", new Crop(0, 0, 300, 300));

        var updated = await client.Accounts.UpdateMeAsync("민준", "판교에 살아요");
        var avatar = await client.Accounts.SetAvatarAsync(picture.Id);
        var me = await client.Accounts.GetMeAsync();

        Assert.Equal((id, "민준", "판교에 살아요"), (updated.Id, updated.DisplayName, updated.Bio));
        Assert.False(string.IsNullOrEmpty(updated.Email));
        Assert.Equal(picture.Id, avatar.MediaId);
        Assert.Equal(avatar, me.Avatar);
    }

    [Fact]
    public async Task A_group_conversation_with_edits_reactions_and_a_delete_reaches_the_other_member_as_typed_events()
    {
        var line = new TestServerLine(Factory);
        await using var minjun = line.NewClient();
        await using var anna = line.NewClient();
        var annaId = await SignUpAsync(anna);
        var minjunId = await SignUpAsync(minjun);
        var updates = new System.Collections.Concurrent.ConcurrentQueue<ChatApp.Client.Realtime.Events.MessageUpdatedEvent>();
        var reactions = new System.Collections.Concurrent.ConcurrentQueue<ChatApp.Client.Realtime.Events.ReactionChangedEvent>();
        anna.Realtime.MessageUpdated += updates.Enqueue;
        anna.Realtime.ReactionChanged += reactions.Enqueue;
        await anna.Realtime.StartAsync();

        var group = await minjun.Chat.CreateGroupAsync("스터디 모임", [annaId]);
        var renamed = await minjun.Chat.UpdateRoomAsync(group.Id, topic: "Tuesdays");
        var message = await minjun.Chat.SendAsync(group.Id, "first draft");
        var edited = await minjun.Chat.EditMessageAsync(group.Id, message.Id, "final text");
        await anna.Chat.ReactAsync(group.Id, message.Id, "👍");
        await minjun.Chat.DeleteMessageAsync(group.Id, message.Id);

        await Eventually.Async(() => updates.Count >= 2 && !reactions.IsEmpty, TimeSpan.FromSeconds(30), () => $"{updates.Count} updates, {reactions.Count} reactions");
        Assert.Equal(["message.edited", "message.deleted"], updates.Select(u => u.Kind));
        Assert.Equal(("reaction.added", "👍", annaId), (reactions.First().Kind, reactions.First().Emoji, reactions.First().UserId));
        Assert.Equal(("final text", "Tuesdays"), (edited.Text, renamed.Topic));
        var page = await anna.Chat.GetMessagesAsync(group.Id);
        Assert.True(Assert.Single(page.Messages, m => m.Id == message.Id).Deleted);
        var room = await anna.Chat.GetRoomAsync(group.Id);
        Assert.Equal([annaId, minjunId], room.Members!.Select(m => m.UserId).Order());
        Assert.Equal("Person " + (await minjun.Accounts.GetMeAsync()).Email![5..10], (await anna.Accounts.GetUserAsync(minjunId)).DisplayName);
        Assert.True(Assert.Single(await anna.Accounts.ListSessionsAsync()).IsCurrent);
        Assert.Single(await anna.Chat.ListRoomsAsync(), r => r.Id == group.Id);
        Assert.All(await anna.Chat.GetPresenceAsync([minjunId]), p => Assert.Equal(minjunId, p.UserId));
        Assert.NotNull((await anna.Recommendations.ForMeAsync()).People);
    }

    [Fact]
    public async Task Devices_preferences_and_mutes_go_through_the_notifications_area()
    {
        await using var client = new TestServerLine(Factory).NewClient();
        await SignUpAsync(client);
        var room = await client.Chat.CreateGroupAsync("알림 테스트", []);
        var token = DeviceRegistrationTests.FcmToken();

        var device = await client.Notifications.RegisterDeviceAsync("android", token, "com.example.chat", "ko-KR");
        var devices = await client.Notifications.ListDevicesAsync();
        var preferences = await client.Notifications.UpdatePreferencesAsync(false, "Asia/Seoul", new("23:00", "07:30"));
        var until = DateTimeOffset.UtcNow.AddHours(8);
        var mute = await client.Notifications.MuteRoomAsync(room.Id, until);
        var mutes = await client.Notifications.ListMutesAsync();
        await client.Notifications.UnmuteRoomAsync(room.Id);
        await client.Notifications.RemoveDeviceAsync(token);
        var bad = await Assert.ThrowsAsync<ChatAppApiException>(() => client.Notifications.RegisterDeviceAsync("ios", "not-a-token", "com.example.chat"));

        Assert.Equal(("android", token, "com.example.chat", "ko-KR", true), (device.Platform, device.Token, device.AppId, device.Locale, device.Current));
        Assert.Equal(token, Assert.Single(devices).Token);
        Assert.Equal((false, "Asia/Seoul", "23:00", "07:30"), (preferences.ShowPreviews, preferences.TimeZone, preferences.QuietHours?.Start, preferences.QuietHours?.End));
        Assert.Equal(preferences, await client.Notifications.GetPreferencesAsync());
        Assert.Equal(room.Id, mute.RoomId);
        Assert.True(Math.Abs((mute.Until!.Value - until.UtcDateTime).TotalSeconds) < 1);
        Assert.Equal(room.Id, Assert.Single(mutes).RoomId);
        Assert.Empty(await client.Notifications.ListMutesAsync());
        Assert.Empty(await client.Notifications.ListDevicesAsync());
        Assert.Equal((HttpStatusCode.BadRequest, "notifications.invalid_token"), (bad.Status, bad.Code));
        Assert.Contains("token", bad.Errors.Keys);
    }

    [Fact]
    public async Task A_report_goes_through_the_moderation_area_and_a_second_one_is_refused()
    {
        var line = new TestServerLine(Factory);
        await using var reporter = line.NewClient();
        await using var other = line.NewClient();
        await SignUpAsync(reporter);
        var otherId = await SignUpAsync(other);

        var report = await reporter.Moderation.ReportAsync("user", otherId, "spam", "광고만 보내요");
        var again = await Assert.ThrowsAsync<ChatAppApiException>(() => reporter.Moderation.ReportAsync("user", otherId, "harassment"));
        var mine = await reporter.Moderation.MyReportsAsync();
        var notices = await reporter.Moderation.NoticesAsync();

        Assert.Equal(("user", otherId, "spam", "광고만 보내요", "open"), (report.TargetType, report.TargetId, report.Reason, report.Note, report.Status));
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(report, Assert.Single(mine));
        Assert.Equal(new ChatApp.Client.Moderation.NoticesPage([], null), notices);
    }

    private static async Task<Guid> SignUpAsync(ChatAppClient client)
    {
        var email = AccountsApi.UniqueEmail();
        var registration = await client.Accounts.RegisterAsync(email, Password, "Person " + email[5..10]);
        await client.Accounts.LoginAsync(email, Password);
        return registration.UserId;
    }

    private sealed class SyncResultCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }
}
