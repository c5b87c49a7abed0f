using System.Net;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Moderation.Domain;
using ChatApp.Modules.Moderation.Persistence;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Moderation;

/// <summary>What moderators tell people: the person acted on, and each reporter about their report's outcome (ADR 0023, part M, session 7).</summary>
public sealed class ModerationNoticeTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private ModerationApi Moderation => new(Factory, Api);

    [Fact]
    public async Task A_warned_person_sees_the_category_and_the_admins_words_never_who_reported_and_the_reporter_learns_only_that_action_was_taken()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "너 바보야 — idiot");
        var report = await Moderation.ReportAsync(ann, "message", message.Id, "harassment", "계속 욕해요");
        var admin = await Moderation.AdminBrowserAsync();

        Assert.EndsWith("?done=warn", await ModerationApi.ActAsync(admin, report.Id, "warn", "internal: second time this week",
            message: "욕설은 안 됩니다. Please keep it civil."), StringComparison.Ordinal);

        var forBob = await Moderation.NoticesAsync(bob);
        var warning = Assert.Single(forBob.Items);
        Assert.Equal(("warning", "harassment", "욕설은 안 됩니다. Please keep it civil."), (warning.Kind, warning.Category, warning.Message));
        Assert.Null(warning.ReportId);
        Assert.Null(forBob.NextCursor);
        var raw = await (await Api.As(bob).GetAsync("/api/v1/moderation/notices")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(ann.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(report.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("internal", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("계속 욕해요", raw, StringComparison.Ordinal);

        var outcome = Assert.Single((await Moderation.NoticesAsync(ann)).Items);
        Assert.Equal(("report_outcome", report.Id, "action_taken", "harassment"), (outcome.Kind, outcome.ReportId, outcome.Outcome, outcome.Category));
        Assert.Null(outcome.Message);
        var audit = await (await admin.GetAsync("/admin/moderation/audit")).Content.ReadAsStringAsync();
        Assert.Contains("internal: second time this week", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connected_apps_of_the_person_and_of_the_reporter_hear_of_their_new_notices_at_once()
    {
        var ann = await Api.NewUserAsync("안나 Ann");
        var bob = await Api.NewUserAsync("Bob");
        var report = await Moderation.ReportAsync(ann, "user", bob.Id, "harassment");
        await using var bobsPhone = await HubClient.ConnectAsync(Factory, bob.Tokens.AccessToken);
        await using var annsPhone = await HubClient.ConnectAsync(Factory, ann.Tokens.AccessToken);
        var heard = new System.Collections.Concurrent.ConcurrentQueue<(string Who, Guid NoticeId, string Kind)>();
        bobsPhone.Connection.On<System.Text.Json.JsonElement>("ModerationNotice", e => heard.Enqueue(("bob", e.GetProperty("noticeId").GetGuid(), e.GetProperty("kind").GetString()!)));
        annsPhone.Connection.On<System.Text.Json.JsonElement>("ModerationNotice", e => heard.Enqueue(("ann", e.GetProperty("noticeId").GetGuid(), e.GetProperty("kind").GetString()!)));

        var admin = await Moderation.AdminBrowserAsync();
        await ModerationApi.ActAsync(admin, report.Id, "warn", "Rude", message: "Be kind");

        await Eventually.Async(() => heard.Count >= 2, TimeSpan.FromSeconds(30), () => string.Join(", ", heard));
        var warning = Assert.Single((await Moderation.NoticesAsync(bob)).Items);
        var outcome = Assert.Single((await Moderation.NoticesAsync(ann)).Items);
        Assert.Equal(
            new[] { ("ann", outcome.Id, "report_outcome"), ("bob", warning.Id, "warning") },
            heard.OrderBy(h => h.Who, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_dismissal_tells_the_reporter_no_violation_was_found_and_the_person_nothing()
    {
        var ann = await Api.NewUserAsync("Ann");
        var bob = await Api.NewUserAsync("김민수");
        var report = await Moderation.ReportAsync(ann, "user", bob.Id, "spam");
        var admin = await Moderation.AdminBrowserAsync();
        await ModerationApi.ActAsync(admin, report.Id, "dismiss", "Not spam", message: "should not reach anyone");

        Assert.Empty((await Moderation.NoticesAsync(bob)).Items);
        var outcome = Assert.Single((await Moderation.NoticesAsync(ann)).Items);
        Assert.Equal(("report_outcome", "no_violation"), (outcome.Kind, outcome.Outcome));
    }

    [Fact]
    public async Task A_suspension_is_told_with_its_end_and_every_report_it_closes_notifies_its_own_reporter_once()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var carol = await Api.NewUserAsync("Carol");
        var message = await Chat.SendAsync(bob, room.Id, "cheap followers");
        var fromAnn = await Moderation.ReportAsync(ann, "message", message.Id, "spam");
        var fromCarol = await Moderation.ReportAsync(carol, "user", bob.Id, "spam");
        var admin = await Moderation.AdminBrowserAsync();

        await ModerationApi.ActAsync(admin, fromAnn.Id, "suspend", "Spam", durationHours: 48, message: "48 hours off for spam");
        var login = await Api.PostLoginAsync(bob.Email, bob.Password);
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        var refusal = await Problem.ReadAsync(login);
        Assert.Equal("accounts.suspended", refusal.Code);
        Assert.Contains(DateTime.UtcNow.AddHours(48).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), refusal.Detail, StringComparison.Ordinal);
        await ModerationApi.ActAsync(admin, fromAnn.Id, "lift", "Appeal accepted", message: "Welcome back");

        var bobAgain = bob with { Tokens = await Api.LoginAsync(bob.Email) };
        var forBob = (await Moderation.NoticesAsync(bobAgain)).Items;
        Assert.Equal(["lift", "suspension"], forBob.Select(n => n.Kind));
        Assert.Equal("Welcome back", forBob[0].Message);
        Assert.Null(forBob[0].Category);
        Assert.Equal(("spam", "48 hours off for spam"), (forBob[1].Category, forBob[1].Message));
        Assert.InRange(forBob[1].Until!.Value, DateTime.UtcNow.AddHours(47), DateTime.UtcNow.AddHours(49));
        Assert.Equal(fromAnn.Id, Assert.Single((await Moderation.NoticesAsync(ann)).Items).ReportId);
        var carols = Assert.Single((await Moderation.NoticesAsync(carol)).Items);
        Assert.Equal((fromCarol.Id, "action_taken"), (carols.ReportId, carols.Outcome));
    }

    [Fact]
    public async Task A_double_submit_or_two_moderators_at_once_tell_the_person_and_the_reporter_once()
    {
        var ann = await Api.NewUserAsync("Ann");
        var carol = await Api.NewUserAsync("Carol");
        var bob = await Api.NewUserAsync("밥 Bob");
        var dave = await Api.NewUserAsync("Dave");
        var aboutBob = await Moderation.ReportAsync(ann, "user", bob.Id, "harassment");
        var aboutDave = await Moderation.ReportAsync(carol, "user", dave.Id, "spam");
        var first = await Moderation.AdminBrowserAsync();
        var second = await Moderation.AdminBrowserAsync();

        // The same warning submitted twice at once; a dismissal and a ban of one report at once.
        await Task.WhenAll(
            ModerationApi.ActAsync(first, aboutBob.Id, "warn", "Rude", message: "Be kind"),
            ModerationApi.ActAsync(second, aboutBob.Id, "warn", "Rude", message: "Be kind"));
        await Task.WhenAll(
            ModerationApi.ActAsync(first, aboutDave.Id, "dismiss", "Looks fine"),
            ModerationApi.ActAsync(second, aboutDave.Id, "ban", "Spam bot"));

        Assert.Equal("warning", Assert.Single((await Moderation.NoticesAsync(bob)).Items).Kind);
        Assert.Equal(aboutBob.Id, Assert.Single((await Moderation.NoticesAsync(ann)).Items).ReportId);
        Assert.Equal(aboutDave.Id, Assert.Single((await Moderation.NoticesAsync(carol)).Items).ReportId);
    }

    [Fact]
    public async Task Notices_are_paged_newest_first_by_cursor_without_repeats_even_at_one_instant_and_a_forged_cursor_is_refused()
    {
        var bob = await Api.NewUserAsync("Bob");
        var instant = DateTime.UtcNow.AddDays(-1);
        instant = instant.AddTicks(-(instant.Ticks % 10));
        var expected = new List<Guid>();
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
            for (var i = 0; i < 120; i++)
            {
                // Every third notice shares one instant with others: the cursor must still move past exactly those shown.
                var notice = new Notice { Id = Guid.NewGuid(), UserId = bob.Id, At = i % 3 == 0 ? instant : instant.AddSeconds(-i), Kind = "warning", Category = "spam" };
                db.Notices.Add(notice);
                expected.Add(notice.Id);
            }

            await db.SaveChangesAsync();
        }

        var seen = new List<NoticeDto>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Moderation.NoticesAsync(bob, cursor);
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(expected.Order(), seen.Select(n => n.Id).Order());
        Assert.Equal(seen.OrderByDescending(n => n.At).Select(n => n.At), seen.Select(n => n.At));

        using var forged = await Api.As(bob).GetAsync("/api/v1/moderation/notices?cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("moderation.invalid_cursor", (await Problem.ReadAsync(forged)).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Anonymous().GetAsync("/api/v1/moderation/notices")).StatusCode);
    }
}
