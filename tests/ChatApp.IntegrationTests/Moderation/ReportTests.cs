using System.Net;
using System.Net.Http.Json;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Accounts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Moderation;

public sealed class ReportTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    private ModerationApi Moderation => new(Factory, Api);

    [Fact]
    public async Task A_reported_message_keeps_its_text_as_reported_after_the_sender_edits_and_deletes_it()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "내일 판교역에서 만나요, loser");

        var report = await Moderation.ReportAsync(ann, "message", message.Id, "harassment", "욕설이에요 (insult)");
        Assert.Equal("open", report.Status);
        Assert.Null(report.Outcome);
        using (var edit = await Api.As(bob).PatchAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}", new { text = "nothing to see" }))
        {
            Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        }

        using (var delete = await Api.As(bob).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{message.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var admin = await Moderation.AdminBrowserAsync();
        var page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("내일 판교역에서 만나요, loser", page, StringComparison.Ordinal);
        Assert.Contains("욕설이에요 (insult)", page, StringComparison.Ordinal);
        Assert.Contains("<em>(deleted)</em>", page, StringComparison.Ordinal);
        var mine = Assert.Single(await Moderation.MineAsync(ann));
        Assert.Equal(report.Id, mine.Id);
        Assert.Equal("open", mine.Status);
    }

    [Fact]
    public async Task A_reported_pictures_stay_shown_to_the_moderator_after_a_moderator_deletes_their_message()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var picture = await Media.UploadAsync(bob, TestImages.Solid(100, 100, SkiaSharp.SKColors.Red), "chat");
        using var sent = await Api.As(bob).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages",
            new { clientMessageId = "pic", text = "look 사진", attachments = new[] { picture.Id } });
        var message = (await sent.Content.ReadFromJsonAsync<MessageDto>())!;
        var report = await Moderation.ReportAsync(ann, "message", message.Id, "sexual");

        var admin = await Moderation.AdminBrowserAsync();
        var page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"picture <code>{picture.Id}</code><br><img src=", page, StringComparison.Ordinal);
        Assert.Contains("[1 picture(s)]", page, StringComparison.Ordinal);

        await Eventually.Async(() => HoldersAsync(picture.Id, h => h.StartsWith("report:", StringComparison.Ordinal)), because: "the report's hold reaches Media");
        await ModerationApi.ActAsync(admin, report.Id, "delete_message", "Explicit picture");
        await Eventually.Async(async () => !await HoldersAsync(picture.Id, h => h.StartsWith("message:", StringComparison.Ordinal)), because: "Media learned of the delete");
        using (var scope = Factory.Services.CreateScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<Mediator.ISender>();
            while (!(await sender.Send(new ChatApp.Modules.Media.Features.CleanUpMedia.CleanUpMediaCommand())).Finished)
            {
            }
        }

        page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"picture <code>{picture.Id}</code><br><img src=", page, StringComparison.Ordinal);
        Assert.Contains("<em>(deleted)</em>", page, StringComparison.Ordinal);
    }

    private async Task<bool> HoldersAsync(Guid mediaId, Func<string, bool> holder)
    {
        using var scope = Factory.Services.CreateScope();
        var holders = await scope.ServiceProvider.GetRequiredService<ChatApp.Modules.Media.Persistence.MediaDbContext>().Uses
            .Where(u => u.MediaId == mediaId).Select(u => u.Holder).ToListAsync();
        return holders.Any(holder);
    }

    [Fact]
    public async Task One_open_report_per_reporter_and_target_and_another_once_the_first_is_closed()
    {
        var (ann, bob, _) = await Chat.NewDirectRoomAsync();
        var first = await Moderation.ReportAsync(ann, "user", bob.Id, "spam");

        var again = await Moderation.PostReportAsync(ann, "user", bob.Id, "other");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("moderation.already_reported", (await Problem.ReadAsync(again)).Code);

        var admin = await Moderation.AdminBrowserAsync();
        Assert.EndsWith("?done=dismiss", await ModerationApi.ActAsync(admin, first.Id, "dismiss", "Not spam: a friend's joke"), StringComparison.Ordinal);
        var second = await Moderation.ReportAsync(ann, "user", bob.Id, "harassment");
        var mine = await Moderation.MineAsync(ann);
        Assert.Equal([second.Id, first.Id], mine.Select(r => r.Id));
        Assert.Equal(("dismissed", "dismiss"), (mine[1].Status, mine[1].Outcome));
    }

    [Fact]
    public async Task Only_what_the_reporter_can_see_can_be_reported()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var carol = await Api.NewUserAsync("Carol");
        var message = await Chat.SendAsync(bob, room.Id, "hello Ann");

        await AssertProblemAsync(await Moderation.PostReportAsync(carol, "message", message.Id), HttpStatusCode.NotFound, "moderation.target_not_found");
        await AssertProblemAsync(await Moderation.PostReportAsync(carol, "room", room.Id), HttpStatusCode.NotFound, "moderation.target_not_found");
        await AssertProblemAsync(await Moderation.PostReportAsync(ann, "user", Guid.NewGuid()), HttpStatusCode.NotFound, "moderation.target_not_found");
        await AssertProblemAsync(await Moderation.PostReportAsync(bob, "message", message.Id), HttpStatusCode.BadRequest, "moderation.cannot_report_self");
        await AssertProblemAsync(await Moderation.PostReportAsync(ann, "user", ann.Id), HttpStatusCode.BadRequest, "moderation.cannot_report_self");
        await AssertProblemAsync(await Moderation.PostReportAsync(ann, "message", message.Id, reason: "rude"), HttpStatusCode.BadRequest, "moderation.invalid_reason");
        await AssertProblemAsync(await Moderation.PostReportAsync(ann, "post", message.Id), HttpStatusCode.BadRequest, "moderation.invalid_target_type");
        using (var anonymous = await Api.Anonymous().PostAsJsonAsync("/api/v1/reports", new { targetType = "user", targetId = bob.Id, reason = "spam" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        Assert.Equal("room", (await Moderation.ReportAsync(ann, "room", room.Id, "spam")).TargetType);
        Assert.Empty(await Moderation.MineAsync(carol));
    }

    [Fact]
    public async Task A_person_reported_by_enough_different_people_is_hidden_for_review_until_a_moderator_dismisses()
    {
        var target = await Api.NewUserAsync("김민준");
        var reporters = new List<TestUser>();
        for (var i = 0; i < 3; i++)
        {
            reporters.Add(await Api.NewUserAsync($"Reporter {i}"));
        }

        var first = await Moderation.ReportAsync(reporters[0], "user", target.Id, "spam");
        await Moderation.ReportAsync(reporters[1], "user", target.Id, "spam");
        Assert.Null((await StandingAsync(target.Id)).HiddenForReviewAt);

        await Moderation.ReportAsync(reporters[2], "user", target.Id, "harassment");
        Assert.NotNull((await StandingAsync(target.Id)).HiddenForReviewAt);

        var admin = await Moderation.AdminBrowserAsync();
        await ModerationApi.ActAsync(admin, first.Id, "dismiss", "Reviewed: nothing wrong");
        Assert.Null((await StandingAsync(target.Id)).HiddenForReviewAt);
    }

    [Fact]
    public async Task Deleting_an_account_erases_the_reports_it_filed_and_keeps_the_reports_about_it()
    {
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var message = await Chat.SendAsync(bob, room.Id, "rude");
        var byAnn = await Moderation.ReportAsync(ann, "message", message.Id, "harassment", "내 이야기");
        var byBob = await Moderation.ReportAsync(bob, "user", ann.Id, "spam");

        using (var delete = await Api.As(ann).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(new { password = ann.Password }) }))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await Eventually.Async(async () =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ChatApp.Modules.Moderation.Persistence.ModerationDbContext>();
            return !await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Reports, r => r.Id == byAnn.Id);
        }, because: "Moderation forgot the reports Ann filed");
        Assert.Equal(byBob.Id, Assert.Single(await Moderation.MineAsync(bob)).Id);
    }

    private async Task<AccountStanding> StandingAsync(Guid userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAccountSanctions>().GetStandingAsync(userId, CancellationToken.None))!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, (await Problem.ReadAsync(response)).Code);
    }
}
