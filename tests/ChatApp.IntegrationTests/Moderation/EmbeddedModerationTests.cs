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

    [Fact]
    public async Task A_warning_reaches_the_person_and_the_outcome_the_reporter_through_their_notices()
    {
        var moderation = new ModerationApi(Factory, Api);
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "스팸 광고 — spam ad");
        var report = await moderation.ReportAsync(ann, "message", message.Id, "spam");
        var admin = await moderation.AdminBrowserAsync();
        Assert.EndsWith("?done=warn", await ModerationApi.ActAsync(admin, report.Id, "warn", "Ads", message: "광고는 금지입니다 — no ads"), StringComparison.Ordinal);

        var warning = Assert.Single((await moderation.NoticesAsync(bob)).Items);
        Assert.Equal(("warning", "spam", "광고는 금지입니다 — no ads"), (warning.Kind, warning.Category, warning.Message));
        var outcome = Assert.Single((await moderation.NoticesAsync(ann)).Items);
        Assert.Equal(("report_outcome", report.Id, "action_taken"), (outcome.Kind, outcome.ReportId, outcome.Outcome));
        using var forged = await Api.As(ann).GetAsync("/api/v1/moderation/notices?cursor=%21%21");
        Assert.Equal("moderation.invalid_cursor", (await Problem.ReadAsync(forged)).Code);
    }
}
