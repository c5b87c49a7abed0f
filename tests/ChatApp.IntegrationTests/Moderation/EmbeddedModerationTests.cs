using System.Net;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Moderation;

/// <summary>Reports and a ban on the embedded default (SQLite files, no Redis): the module's schema is made from its model there.</summary>
public sealed class EmbeddedModerationTests(EmbeddedChatAppFactory factory) : IntegrationTest<EmbeddedChatAppFactory>(factory)
{
    [Fact]
    public async Task A_reported_message_is_snapshotted_and_banning_its_sender_ends_their_sessions_and_sign_in()
    {
        var moderation = new ModerationApi(Factory, Api);
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "광고 문자 — cheap pills");
        var report = await moderation.ReportAsync(ann, "message", message.Id, "spam", "스팸");
        var duplicate = await moderation.PostReportAsync(ann, "message", message.Id, "spam");
        Assert.Equal("moderation.already_reported", (await Problem.ReadAsync(duplicate)).Code);
        using (var delete = await Api.As(bob).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var admin = await moderation.AdminBrowserAsync();
        var page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("광고 문자 — cheap pills", page, StringComparison.Ordinal);
        Assert.EndsWith("?done=ban", await ModerationApi.ActAsync(admin, report.Id, "ban", "Spam bot"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(bob).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal("accounts.banned", (await Problem.ReadAsync(await Api.PostLoginAsync(bob.Email, bob.Password))).Code);
        var mine = Assert.Single(await moderation.MineAsync(ann));
        Assert.Equal(("actioned", "ban"), (mine.Status, mine.Outcome));
    }
}
