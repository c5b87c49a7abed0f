using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;

namespace ChatApp.IntegrationTests.Moderation;

public sealed class SanctionTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private ModerationApi Moderation => new(Factory, Api);

    [Fact]
    public async Task A_ban_ends_every_session_at_once_refuses_sign_in_with_its_code_and_lifting_restores_it()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("박서준 Bob");
        var bobsTablet = await Api.LoginAsync(bob.Email, deviceName: "tablet");
        var report = await Moderation.ReportAsync(ann, "user", bob.Id, "harassment");
        Assert.Equal(HttpStatusCode.OK, (await Api.As(bob).GetAsync("/api/v1/accounts/me")).StatusCode);

        var admin = await Moderation.AdminBrowserAsync();
        Assert.EndsWith("?done=ban", await ModerationApi.ActAsync(admin, report.Id, "ban", "Threats in many rooms (협박)"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(bob).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(bobsTablet.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.PostRefreshAsync(bobsTablet.RefreshToken)).StatusCode);
        var login = await Api.PostLoginAsync(bob.Email, bob.Password);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        Assert.Equal("accounts.banned", (await Problem.ReadAsync(login)).Code);

        var mine = Assert.Single(await Moderation.MineAsync(ann));
        Assert.Equal(("actioned", "ban"), (mine.Status, mine.Outcome));
        var audit = await (await admin.GetAsync("/admin/moderation/audit")).Content.ReadAsStringAsync();
        Assert.Contains("Threats in many rooms (협박)", audit, StringComparison.Ordinal);
        Assert.Contains("<td>ban</td>", audit, StringComparison.Ordinal);

        Assert.EndsWith("?done=lift", await ModerationApi.ActAsync(admin, report.Id, "lift", "Appeal accepted"), StringComparison.Ordinal);
        var again = await Api.LoginAsync(bob.Email);
        Assert.Equal(HttpStatusCode.OK, (await Api.As(again.AccessToken).GetAsync("/api/v1/accounts/me")).StatusCode);
        audit = await (await admin.GetAsync("/admin/moderation/audit")).Content.ReadAsStringAsync();
        Assert.Contains("Appeal accepted", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspension_refuses_sign_in_with_its_code_and_end_and_closes_every_open_report_about_the_person()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var carol = await Api.NewUserAsync("Carol");
        var message = await Chat.SendAsync(bob, room.Id, "buy cheap followers");
        var fromAnn = await Moderation.ReportAsync(ann, "message", message.Id, "spam");
        var fromCarol = await Moderation.ReportAsync(carol, "user", bob.Id, "spam");

        var admin = await Moderation.AdminBrowserAsync();
        Assert.EndsWith("?done=suspend", await ModerationApi.ActAsync(admin, fromAnn.Id, "suspend", "Spam, first time", durationHours: 48), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.As(bob).GetAsync("/api/v1/accounts/me")).StatusCode);
        var login = await Api.PostLoginAsync(bob.Email, bob.Password);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        var problem = await Problem.ReadAsync(login);
        Assert.Equal("accounts.suspended", problem.Code);
        Assert.Contains(DateTime.UtcNow.AddHours(48).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), problem.Detail, StringComparison.Ordinal);
        Assert.Equal("suspend", Assert.Single(await Moderation.MineAsync(carol)).Outcome);
        Assert.Equal("suspend", Assert.Single(await Moderation.MineAsync(ann)).Outcome);

        await ModerationApi.ActAsync(admin, fromCarol.Id, "lift", "Served enough");
        await Api.LoginAsync(bob.Email);
    }

    [Fact]
    public async Task A_suspension_needs_a_duration_and_every_action_a_reason()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var report = await Moderation.ReportAsync(ann, "user", bob.Id, "spam");
        var admin = await Moderation.AdminBrowserAsync();

        Assert.EndsWith("?error=moderation.invalid_duration", await ModerationApi.ActAsync(admin, report.Id, "suspend", "Spam"), StringComparison.Ordinal);
        Assert.Contains("?error=", await ModerationApi.ActAsync(admin, report.Id, "ban", " "), StringComparison.Ordinal);
        Assert.EndsWith("?error=moderation.not_a_message", await ModerationApi.ActAsync(admin, report.Id, "delete_message", "Spam"), StringComparison.Ordinal);
        await Api.LoginAsync(bob.Email);
        Assert.Equal("open", Assert.Single(await Moderation.MineAsync(ann)).Status);
        var page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}?error=moderation.invalid_duration")).Content.ReadAsStringAsync();
        Assert.Contains("moderation.invalid_duration", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_reported_message_tombstones_it_for_the_room_and_warning_records_the_outcome()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "nasty words");
        var report = await Moderation.ReportAsync(ann, "message", message.Id, "harassment");
        var admin = await Moderation.AdminBrowserAsync();
        Assert.Equal(1, await SearchCountAsync(ann, "nasty"));

        Assert.EndsWith("?done=delete_message", await ModerationApi.ActAsync(admin, report.Id, "delete_message", "Insult"), StringComparison.Ordinal);
        await ModerationApi.ActAsync(admin, report.Id, "warn", "First warning");

        var history = await Chat.HistoryAsync(ann, room.Id);
        var deleted = Assert.Single(history.Messages, m => m.Id == message.Id);
        Assert.True(deleted.Deleted);
        Assert.Equal("", deleted.Text);
        Assert.Equal(0, await SearchCountAsync(ann, "nasty")); // gone from message search too
        var mine = Assert.Single(await Moderation.MineAsync(ann));
        Assert.Equal(("actioned", "delete_message"), (mine.Status, mine.Outcome));
        var page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("nasty words", page, StringComparison.Ordinal);
        Assert.Contains("First warning", page, StringComparison.Ordinal);
        Assert.Contains("Insult", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_cannot_be_suspended_or_banned()
    {
        var ann = await Api.NewUserAsync("Ann");
        var admin = await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
        var adminId = (await Api.As(admin.AccessToken).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/accounts/me")).GetProperty("id").GetGuid();
        var report = await Moderation.ReportAsync(ann, "user", adminId, "other");
        var browser = await Moderation.AdminBrowserAsync();

        Assert.EndsWith("?error=accounts.admin_protected", await ModerationApi.ActAsync(browser, report.Id, "ban", "test"), StringComparison.Ordinal);
        await Api.LoginAsync(ChatAppFactory.AdminEmail, ChatAppFactory.AdminPassword);
    }

    [Fact]
    public async Task The_moderation_pages_and_what_moderators_did_are_for_administrators_only()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("Bob");
        var report = await Moderation.ReportAsync(ann, "user", bob.Id, "spam");
        var admin = await Moderation.AdminBrowserAsync();
        await ModerationApi.ActAsync(admin, report.Id, "warn", "secret moderator note");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().GetAsync("/admin/moderation/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.As(ann).GetAsync("/admin/moderation/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.As(ann).GetAsync($"/admin/moderation/reports/{report.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.As(bob).GetAsync("/admin/moderation/audit")).StatusCode);
        var mine = await (await Api.As(ann).GetAsync("/api/v1/reports/mine")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret moderator note", mine, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"warn\"", mine, StringComparison.Ordinal);

        var forged = await admin.PostAsync($"/admin/moderation/reports/{report.Id}/actions",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "ban", ["reason"] = "no token" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await Api.LoginAsync(bob.Email);
    }

    [Fact]
    public async Task The_queue_filters_by_status_reason_and_target_type()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "spam spam");
        var spam = await Moderation.ReportAsync(ann, "message", message.Id, "spam");
        var harassment = await Moderation.ReportAsync(ann, "user", bob.Id, "harassment");
        var admin = await Moderation.AdminBrowserAsync();

        var open = await (await admin.GetAsync("/admin/moderation/reports")).Content.ReadAsStringAsync();
        Assert.Contains(spam.Id.ToString(), open, StringComparison.Ordinal);
        Assert.Contains(harassment.Id.ToString(), open, StringComparison.Ordinal);
        var onlySpam = await (await admin.GetAsync("/admin/moderation/reports?reason=spam")).Content.ReadAsStringAsync();
        Assert.Contains(spam.Id.ToString(), onlySpam, StringComparison.Ordinal);
        Assert.DoesNotContain(harassment.Id.ToString(), onlySpam, StringComparison.Ordinal);
        var onlyUsers = await (await admin.GetAsync("/admin/moderation/reports?targetType=user")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(spam.Id.ToString(), onlyUsers, StringComparison.Ordinal);
        Assert.Contains(harassment.Id.ToString(), onlyUsers, StringComparison.Ordinal);

        await ModerationApi.ActAsync(admin, spam.Id, "dismiss", "fine");
        Assert.DoesNotContain(spam.Id.ToString(), await (await admin.GetAsync("/admin/moderation/reports")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(spam.Id.ToString(), await (await admin.GetAsync("/admin/moderation/reports?status=dismissed")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<int> SearchCountAsync(TestUser user, string query)
    {
        using var response = await Api.As(user).GetAsync($"/api/v1/chat/search?q={Uri.EscapeDataString(query)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content);
        return body.GetProperty("results").GetArrayLength();
    }
}
