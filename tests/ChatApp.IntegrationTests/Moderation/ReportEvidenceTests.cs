using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Media.Features.CleanUpMedia;
using ChatApp.Modules.Media.Persistence;
using ChatApp.Modules.Media.Usage;
using ChatApp.Modules.Moderation.Features.ReleaseEvidence;
using ChatApp.Modules.Moderation.Persistence;
using Hangfire;
using Hangfire.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace ChatApp.IntegrationTests.Moderation;

/// <summary>A reported message's pictures stay in Media as evidence until the closed report's retention passes (ADR 0023, part M, session 7).</summary>
public sealed partial class ReportEvidenceTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task A_reported_picture_outlives_its_deleted_message_and_the_clean_up_for_the_admin_and_goes_after_the_retention()
    {
        var moderation = new ModerationApi(Factory, Api);
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var picture = await Media.UploadAsync(bob, TestImages.Solid(120, 90, SKColors.Red), "chat");
        using var sent = await Api.As(bob).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages",
            new { clientMessageId = Guid.NewGuid().ToString("N"), text = "이거 봐 — look", attachments = new[] { picture.Id } });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var messageId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Eventually.Async(() => UsedByAsync(picture.Id, "message:"), because: "the message's use reaches Media");
        var report = await moderation.ReportAsync(ann, "message", messageId, "sexual", "불쾌한 사진");
        await Eventually.Async(() => UsedByAsync(picture.Id, "report:" + report.Id.ToString("N")), because: "the report's hold reaches Media");

        using (var delete = await Api.As(bob).DeleteAsync($"/api/v1/chat/rooms/{room.Id}/messages/{messageId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await Eventually.Async(async () => !await UsedByAsync(picture.Id, "message:"), because: "the deletion reaches Media");
        await CleanUpMediaAsync(agePicture: picture.Id);

        var admin = await moderation.AdminBrowserAsync();
        var page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}")).Content.ReadAsStringAsync();
        var url = WebUtility.HtmlDecode(Assert.Single(PictureUrls(page)));
        using (var served = await Media.FetchAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.StartsWith("image/", served.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        }

        // Nobody else gets it: no message of the room shows it, and Media's lookup is for its uploader only.
        Assert.DoesNotContain((await Chat.HistoryAsync(ann, room.Id)).Messages, m => !m.Deleted);
        using (var lookup = await Api.As(ann).GetAsync($"/api/v1/media/images/{picture.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        }

        // Closed, then the retention passes: the release job lets Media delete it.
        Assert.EndsWith("?done=warn", await ModerationApi.ActAsync(admin, report.Id, "warn", "Explicit picture"), StringComparison.Ordinal);
        using (var scope = Factory.Services.CreateScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
            await sender.Send(new ReleaseEvidenceCommand());
            Assert.Null((await db.Reports.AsNoTracking().SingleAsync(r => r.Id == report.Id)).EvidenceReleasedAt); // just closed: kept
            await db.Reports.Where(r => r.Id == report.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedAt, DateTime.UtcNow.AddYears(-2)));
        }

        // The recurring job, run by Hangfire as on schedule.
        Factory.Services.GetRequiredService<IRecurringJobManager>().Trigger(ReleaseEvidenceJob.RecurringJobId);
        await Eventually.Async(async () =>
        {
            using var scope = Factory.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<ModerationDbContext>().Reports.AsNoTracking().SingleAsync(r => r.Id == report.Id)).EvidenceReleasedAt is not null;
        }, TimeSpan.FromSeconds(60), because: "the release job ran");

        await Eventually.Async(async () => !await UsedByAsync(picture.Id, "report:"), because: "the release reaches Media");
        await CleanUpMediaAsync(agePicture: null);
        using (var gone = await Media.FetchAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        page = await (await admin.GetAsync($"/admin/moderation/reports/{report.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("(no longer stored)", page, StringComparison.Ordinal);
        Assert.Contains("이거 봐 — look", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hold_arriving_after_the_message_deletion_released_the_picture_takes_it_back()
    {
        var bob = await Api.NewUserAsync("Bob");
        var picture = await Media.UploadAsync(bob, TestImages.Solid(64, 64, SKColors.Blue), "chat");
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MediaDbContext>();
            await db.Images.Where(i => i.Id == picture.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ReleasedAt, DateTime.UtcNow));
            await scope.ServiceProvider.GetRequiredService<MediaUsage>().HoldAsync([picture.Id], "report:" + Guid.NewGuid().ToString("N"), CancellationToken.None);
        }

        await CleanUpMediaAsync(agePicture: null);
        using (var scope = Factory.Services.CreateScope())
        {
            var image = await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Images.AsNoTracking().SingleOrDefaultAsync(i => i.Id == picture.Id);
            Assert.NotNull(image);
            Assert.Null(image.ReleasedAt);
        }
    }

    [Fact]
    public async Task Deleting_the_reporters_account_releases_the_reports_pictures_and_forgets_their_notices()
    {
        var moderation = new ModerationApi(Factory, Api);
        var (ann, bob, room) = await Chat.NewDirectRoomAsync();
        var other = await moderation.ReportAsync(ann, "user", bob.Id, "spam");
        await ModerationApi.ActAsync(await moderation.AdminBrowserAsync(), other.Id, "dismiss", "Fine");
        Assert.Single((await moderation.NoticesAsync(ann)).Items);
        var picture = await Media.UploadAsync(bob, TestImages.Solid(80, 80, SKColors.Green), "chat");
        using var sent = await Api.As(bob).PostAsJsonAsync($"/api/v1/chat/rooms/{room.Id}/messages",
            new { clientMessageId = Guid.NewGuid().ToString("N"), text = "사진", attachments = new[] { picture.Id } });
        var messageId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var report = await moderation.ReportAsync(ann, "message", messageId, "violence");
        await Eventually.Async(() => UsedByAsync(picture.Id, "report:" + report.Id.ToString("N")), because: "the report's hold reaches Media");

        using (var deleted = await Api.As(ann).SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/accounts/me") { Content = JsonContent.Create(new { password = ann.Password }) }))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Eventually.Async(async () => !await UsedByAsync(picture.Id, "report:"), because: "the release reaches Media");
        await Eventually.Async(() => UsedByAsync(picture.Id, "message:"), because: "the picture is still in Bob's message");
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        Assert.False(await db.Notices.AnyAsync(n => n.UserId == ann.Id));
        Assert.False(await db.Reports.AnyAsync(r => r.ReporterId == ann.Id));
    }

    [Fact]
    public void The_evidence_release_is_a_recurring_Hangfire_job()
    {
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == ReleaseEvidenceJob.RecurringJobId);
        Assert.NotNull(job);
        Assert.Equal("17 4 * * *", job.Cron);
    }

    private async Task<bool> UsedByAsync(Guid mediaId, string holderPrefix)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Uses.AnyAsync(u => u.MediaId == mediaId && u.Holder.StartsWith(holderPrefix));
    }

    /// <summary>Runs Media's clean-up to the end, as its Hangfire job does; with <paramref name="agePicture"/>, that upload is past the unused retention first.</summary>
    private async Task CleanUpMediaAsync(Guid? agePicture)
    {
        using var scope = Factory.Services.CreateScope();
        if (agePicture is { } id)
        {
            await scope.ServiceProvider.GetRequiredService<MediaDbContext>().Images.Where(i => i.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.CreatedAt, DateTime.UtcNow.AddDays(-30)));
        }

        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        while (!(await sender.Send(new CleanUpMediaCommand())).Finished)
        {
        }
    }

    private static IEnumerable<string> PictureUrls(string page) => PictureLink().Matches(page).Select(m => m.Groups[1].Value);

    [GeneratedRegex("<img src=\"([^\"]+)\" alt=\"reported picture\"")]
    private static partial Regex PictureLink();
}
