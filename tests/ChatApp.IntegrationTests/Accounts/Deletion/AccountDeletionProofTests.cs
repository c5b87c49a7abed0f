using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatApp.BuildingBlocks.Outbox;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.IntegrationTests.Notifications.Devices;
using ChatApp.Modules.Accounts.Persistence;
using ChatApp.Modules.Chat.Persistence;
using ChatApp.Modules.Media.Persistence;
using ChatApp.Modules.Notifications.Persistence;
using ChatApp.Modules.Recommendation.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Accounts.Deletion;

/// <summary>
/// The proof that deleting an account erases the person: after the handlers of every module ran, no column of any
/// table and no stored object holds their e-mail, display name, bio or message texts, while the people they talked to
/// keep their rooms with the sequence numbers as they were.
/// </summary>
public sealed class AccountDeletionProofTests(DeletionFactory factory) : IntegrationTest<DeletionFactory>(factory)
{
    private const string Notifications = "/api/v1/notifications";
    private const string Recommendations = "/api/v1/recommendations";

    [Fact]
    public async Task After_deletion_no_table_and_no_stored_object_holds_the_person_and_the_others_keep_their_rooms()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var displayName = $"Zebulon Quartzfeather {marker}";
        var bio = $"Collects antique barometers in Tbilisi {marker}";
        var texts = new[] { $"my secret plan number one {marker}", $"the picture from the lake {marker}", $"group hello from zebulon {marker}" };
        var email = $"zebulon-{marker}@example.com";

        var zed = await NewUserAsync(email, displayName);
        var handle = $"zebulon_{marker}";
        using (var chosen = await Api.As(zed).PutAsJsonAsync("/api/v1/accounts/me/handle", new { handle }))
        {
            Assert.True(chosen.IsSuccessStatusCode, $"handle: {chosen.StatusCode}");
        }

        var bob = await Api.NewUserAsync("Bob");
        var carol = await Api.NewUserAsync("Carol");
        var dave = await Api.NewUserAsync("Dave");
        using (var patch = await Api.As(zed).PatchAsJsonAsync("/api/v1/accounts/me", new { bio }))
        {
            Assert.True(patch.IsSuccessStatusCode, $"bio: {patch.StatusCode}");
        }

        // Zed's pictures: an avatar and a picture sent in a message; the files they add to the store are theirs.
        var filesBefore = StoredFiles();
        var avatar = await Media.UploadAsync(zed, TestImages.Solid(300, 300, SKColors.Orange), "avatar");
        using (var set = await Api.As(zed).PutAsJsonAsync("/api/v1/accounts/me/avatar", new { mediaId = avatar.Id }))
        {
            Assert.True(set.IsSuccessStatusCode, $"avatar: {set.StatusCode}");
        }

        var picture = await Media.UploadAsync(zed, TestImages.Solid(400, 300, SKColors.Purple), "chat");
        var zedsFiles = StoredFiles().Except(filesBefore).ToList();
        Assert.NotEmpty(zedsFiles);

        // A direct room with Bob: Zed's texts, a picture, reactions both ways; Bob writes while Zed is offline.
        var direct = await Chat.OpenDirectAsync(zed, bob.Id);
        var first = await Chat.SendAsync(zed, direct.Id, texts[0]);
        using (var withPicture = await Api.As(zed).PostAsJsonAsync($"/api/v1/chat/rooms/{direct.Id}/messages",
                   new { clientMessageId = "pic-" + marker, text = texts[1], attachments = new[] { picture.Id } }))
        {
            Assert.True(withPicture.IsSuccessStatusCode, $"picture message: {withPicture.StatusCode}");
        }

        var bobsMessage = await Chat.SendAsync(bob, direct.Id, "hello Z, nice lake");
        await ReactAsync(zed, direct.Id, bobsMessage.Id, "👍");
        await ReactAsync(bob, direct.Id, first.Id, "🎉");

        // A group Zed owns with Bob and Carol; Carol and Bob talk too, so Carol can rate Bob.
        var group = await Chat.CreateGroupAsync(zed, "Barometer club", bob.Id, carol.Id);
        await Chat.SendAsync(zed, group.Id, texts[2]);
        await Chat.SendAsync(carol, group.Id, "hi all");
        var bobAndCarol = await Chat.OpenDirectAsync(carol, bob.Id);
        await Chat.SendAsync(carol, bobAndCarol.Id, "hi bob");
        await Chat.SendAsync(bob, bobAndCarol.Id, "hi carol");
        var bobAndDave = await Chat.OpenDirectAsync(dave, bob.Id);
        await Chat.SendAsync(dave, bobAndDave.Id, "hi bob");
        await Chat.SendAsync(bob, bobAndDave.Id, "hi dave");

        // Ratings given and received: Bob's published score is fed by Zed's 5, Carol's 1 and Dave's 3.
        await RateAsync(zed, bob.Id, 5);
        await RateAsync(carol, bob.Id, 1);
        await RateAsync(dave, bob.Id, 3);
        await RateAsync(bob, zed.Id, 4);
        await RateAsync(carol, zed.Id, 2);
        await Eventually.Async(async () => (await ScoreAsync(bob.Id, viewer: carol)) is { Status: "published", Count: 3 }, because: "Bob's score from three ratings");
        await Eventually.Async(async () => (await ScoreAsync(zed.Id, viewer: carol)) is { Status: "published", Count: 2 }, because: "Zed's own score");

        // Blocks, a device, preferences and a mute.
        Assert.Equal(HttpStatusCode.NoContent, (await Api.As(zed).PutAsync($"/api/v1/chat/blocks/{dave.Id}", null)).StatusCode);
        using (var device = await Api.As(zed).PutAsJsonAsync($"{Notifications}/devices",
                   new { platform = "android", token = DeviceRegistrationTests.FcmToken(), appId = "com.example.chat", locale = "ka-GE" }))
        {
            Assert.True(device.IsSuccessStatusCode, $"device: {device.StatusCode}");
        }

        using (var preferences = await Api.As(zed).PutAsJsonAsync($"{Notifications}/preferences", new { showPreviews = false, timeZone = "Asia/Tbilisi" }))
        {
            Assert.True(preferences.IsSuccessStatusCode, $"preferences: {preferences.StatusCode}");
        }

        using (var mute = await Api.As(zed).PutAsync($"{Notifications}/rooms/{group.Id}/mute", null))
        {
            Assert.True(mute.IsSuccessStatusCode, $"mute: {mute.StatusCode}");
        }

        await WaitForOutboxesAsync();
        await AssertTracesExistAsync(zed.Id);
        // The handle and the people-search key (the folded name) are the person too.
        var needles = new[] { email, displayName, bio, handle, displayName.ToLowerInvariant() }.Concat(texts).ToList();
        // The scans see every needle before (each one, somewhere in the database or Redis).
        var before = (await DatabaseScan.FindAsync(Factory.DatabaseConnectionString, needles)).Found
            .Concat(await RedisScan.FindAsync(TestServers.Redis, needles)).ToList();
        Assert.All(needles, needle => Assert.Contains(before, hit => hit.EndsWith(": " + needle, StringComparison.Ordinal)));
        var directBefore = await Chat.HistoryAsync(bob, direct.Id);
        var groupBefore = await Chat.HistoryAsync(bob, group.Id);

        // Delete.
        using (var deleted = await DeleteMeAsync(zed.Tokens.AccessToken, new { password = zed.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        // At once: the access token is refused, the refresh token too, the e-mail signs nobody in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(zed).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(zed.Tokens.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostLoginAsync(email, zed.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.As(bob).GetAsync($"/api/v1/users/{zed.Id}")).StatusCode);

        await WaitForOutboxesAsync();

        // Nothing of the person in any column of any table of any module.
        var scan = await DatabaseScan.FindAsync(Factory.DatabaseConnectionString, needles);
        Assert.True(scan.Tables >= 25, $"only {scan.Tables} tables scanned");
        Assert.Empty(scan.Found);
        Assert.Empty(await RedisScan.FindAsync(TestServers.Redis, needles));

        // Nor in the media store: Zed's files are gone, and no file left holds the strings.
        Assert.DoesNotContain(zedsFiles, File.Exists);
        foreach (var file in StoredFiles())
        {
            var content = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            Assert.DoesNotContain(needles, needle => content.Contains(needle, StringComparison.OrdinalIgnoreCase));
        }

        await AssertTracesGoneAsync(zed.Id);

        // Bob still reads both rooms: every message at its sequence number, Zed's as tombstones, his own untouched.
        var directAfter = await Chat.HistoryAsync(bob, direct.Id);
        Assert.Equal(directBefore.Messages.Select(m => (m.Id, m.Seq)), directAfter.Messages.Select(m => (m.Id, m.Seq)));
        Assert.All(directAfter.Messages.Where(m => m.SenderId == zed.Id), m => Assert.True(m is { Deleted: true, Text: "" }));
        Assert.Equal("hello Z, nice lake", directAfter.Messages.Single(m => m.Id == bobsMessage.Id).Text);
        Assert.DoesNotContain(directAfter.Reactions, r => r.UserIds.Contains(zed.Id));
        var groupAfter = await Chat.HistoryAsync(bob, group.Id);
        Assert.Equal(groupBefore.Messages.Select(m => (m.Id, m.Seq)), groupAfter.Messages.Select(m => (m.Id, m.Seq)));
        await AssertGaplessEventsAsync(bob, direct.Id);

        var directRoom = (await Api.As(bob).GetFromJsonAsync<RoomDto>($"/api/v1/chat/rooms/{direct.Id}"))!;
        Assert.Equal("Deleted account", directRoom.Name);
        var groupRoom = (await Api.As(bob).GetFromJsonAsync<RoomDto>($"/api/v1/chat/rooms/{group.Id}"))!;
        Assert.Contains(groupRoom.OwnerId, new Guid?[] { bob.Id, carol.Id });
        Assert.DoesNotContain(groupRoom.Members!, m => m.UserId == zed.Id);

        // Bob's score was recomputed without Zed's rating: Carol's 1 and Dave's 3.
        await Eventually.Async(async () => (await ScoreAsync(bob.Id, viewer: carol)) is { Status: "published", Count: 2, Mean: 2 }, because: "Bob's score recomputed");

        // The e-mail registers again, as a new account.
        var again = await Api.RegisterAsync(email, AccountsApi.Password, "Someone new");
        Assert.NotEqual(zed.Id, again);
    }

    private async Task<TestUser> NewUserAsync(string email, string displayName)
    {
        var id = await Api.RegisterAsync(email, AccountsApi.Password, displayName);
        return new TestUser(id, email, AccountsApi.Password, await Api.LoginAsync(email));
    }

    private Task<HttpResponseMessage> DeleteMeAsync(string accessToken, object body) =>
        Api.As(accessToken).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(body) });

    private async Task ReactAsync(TestUser user, Guid roomId, Guid messageId, string emoji)
    {
        using var response = await Api.As(user).PutAsync($"/api/v1/chat/rooms/{roomId}/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}", null);
        Assert.True(response.IsSuccessStatusCode, $"react: {response.StatusCode}");
    }

    private async Task RateAsync(TestUser rater, Guid rateeId, int score)
    {
        using var response = await Api.As(rater).PutAsJsonAsync($"{Recommendations}/ratings/{rateeId}", new { score });
        Assert.True(response.IsSuccessStatusCode, $"rating: {response.StatusCode}");
    }

    private async Task<ScoreDto> ScoreAsync(Guid userId, TestUser viewer) =>
        (await Api.As(viewer).GetFromJsonAsync<ScoreDto>($"{Recommendations}/profiles/{userId}/score"))!;

    private List<string> StoredFiles() =>
        Directory.Exists(Factory.MediaDirectory) ? Directory.EnumerateFiles(Factory.MediaDirectory, "*", SearchOption.AllDirectories).ToList() : [];

    /// <summary>Sync from the start: one event per sequence number, none missing.</summary>
    private async Task AssertGaplessEventsAsync(TestUser user, Guid roomId)
    {
        using var response = await Api.As(user).PostAsJsonAsync("/api/v1/chat/sync", new { rooms = new Dictionary<Guid, long> { [roomId] = 0 } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var room = body.GetProperty("rooms").EnumerateArray().Single(r => r.GetProperty("roomId").GetGuid() == roomId);
        var seqs = room.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(n => (long)n), seqs);
        Assert.Equal(room.GetProperty("lastSeq").GetInt64(), seqs.Count);
    }

    /// <summary>Every module's outbox has delivered everything (or dead-lettered it, which fails the test).</summary>
    private async Task WaitForOutboxesAsync()
    {
        await Eventually.Async(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            var services = scope.ServiceProvider;
            DbContext[] contexts =
            [
                services.GetRequiredService<AccountsDbContext>(), services.GetRequiredService<ChatDbContext>(), services.GetRequiredService<MediaDbContext>(),
                services.GetRequiredService<NotificationsDbContext>(), services.GetRequiredService<RecommendationDbContext>(),
            ];
            foreach (var context in contexts)
            {
                Assert.False(await context.Set<OutboxMessage>().AnyAsync(m => m.DeadLetteredAt != null), $"a dead letter in {context.GetType().Name}");
                if (await context.Set<OutboxMessage>().AnyAsync(m => m.ProcessedAt == null))
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(60), "every outbox delivered");
    }

    private async Task AssertTracesExistAsync(Guid userId)
    {
        var traces = await TracesAsync(userId);
        Assert.All(traces, trace => Assert.True(trace.Count > 0, $"nothing to erase in {trace.Name}: the test would prove nothing"));
    }

    private async Task AssertTracesGoneAsync(Guid userId)
    {
        var traces = await TracesAsync(userId);
        Assert.All(traces, trace => Assert.True(trace.Count == 0, $"{trace.Count} left in {trace.Name}"));
    }

    /// <summary>Rows that belong to the person (by id) in every module, by table.</summary>
    private async Task<List<(string Name, int Count)>> TracesAsync(Guid userId)
    {
        using var scope = Factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var accounts = services.GetRequiredService<AccountsDbContext>();
        var chat = services.GetRequiredService<ChatDbContext>();
        var media = services.GetRequiredService<MediaDbContext>();
        var notifications = services.GetRequiredService<NotificationsDbContext>();
        var recommendation = services.GetRequiredService<RecommendationDbContext>();
        return
        [
            ("accounts users", await accounts.Users.CountAsync(u => u.Id == userId)),
            ("accounts sessions", await accounts.Sessions.CountAsync(s => s.UserId == userId)),
            ("chat messages with text", await chat.Messages.CountAsync(m => m.SenderId == userId && m.DeletedAt == null)),
            ("chat reactions", await chat.Reactions.CountAsync(r => r.UserId == userId)),
            ("chat memberships", await chat.RoomMembers.CountAsync(m => m.UserId == userId)),
            ("chat blocks", await chat.Blocks.CountAsync(b => b.BlockerId == userId || b.BlockedId == userId)),
            ("chat pending notifications", await chat.PendingNotifications.CountAsync(n => n.UserId == userId)),
            ("media images", await media.Images.CountAsync(i => i.OwnerId == userId)),
            ("notifications devices", await notifications.Devices.CountAsync(d => d.UserId == userId)),
            ("notifications preferences", await notifications.Preferences.CountAsync(p => p.UserId == userId)),
            ("notifications mutes", await notifications.RoomMutes.CountAsync(m => m.UserId == userId)),
            ("recommendation ratings given", await recommendation.Ratings.CountAsync(r => r.RaterId == userId)),
            ("recommendation ratings received", await recommendation.Ratings.CountAsync(r => r.RateeId == userId)),
            ("recommendation score", await recommendation.ProfileScores.CountAsync(s => s.UserId == userId)),
        ];
    }

    private sealed record ScoreDto(string Status, int Count, double? Mean);
}
