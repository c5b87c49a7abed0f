using System.Net;
using System.Text.RegularExpressions;
using ChatApp.IntegrationTests.Infrastructure;
using ChatApp.Modules.Moderation.Domain;
using ChatApp.Modules.Moderation.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.IntegrationTests.Moderation;

/// <summary>The admin queue in pages: keyset cursors both ways, filters kept in the links.</summary>
public sealed partial class ReviewQueuePagingTests(ChatAppFactory factory) : IntegrationTest(factory)
{
    [Fact]
    public async Task The_queue_pages_forwards_and_back_through_every_report_once_in_order_keeping_its_filters()
    {
        // Open reports of long ago come first in the open queue (oldest first); a third of them share one instant.
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var mine = new List<Report>();
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
            for (var i = 0; i < 130; i++)
            {
                var id = Guid.NewGuid();
                var reporter = Guid.NewGuid();
                mine.Add(new Report
                {
                    Id = id,
                    ReporterId = reporter,
                    TargetType = "room",
                    TargetId = Guid.NewGuid(),
                    Reason = "self_harm",
                    Note = "걱정돼요 " + i,
                    CreatedAt = i % 3 == 0 ? longAgo : longAgo.AddMinutes(i),
                    OpenKey = Report.KeyFor(reporter, "room", id),
                });
            }

            db.Reports.AddRange(mine);
            await db.SaveChangesAsync();
        }

        var admin = await new ModerationApi(Factory, Api).AdminBrowserAsync();
        var mineIds = mine.Select(r => r.Id).ToHashSet();
        var expected = mine.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id.ToString(), StringComparer.Ordinal).Select(r => r.Id).ToList();

        var forward = new List<List<Guid>>();
        string? url = "/admin/moderation/reports?status=open&reason=self_harm&targetType=room";
        string page = "";
        while (url is not null && forward.Count < 20)
        {
            page = await (await admin.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.Contains("<option value=\"self_harm\" selected>", page, StringComparison.Ordinal);
            forward.Add(Rows(page));
            url = Link(page, "next-page");
            if (url is not null)
            {
                Assert.Contains("reason=self_harm", url, StringComparison.Ordinal);
                Assert.Contains("targetType=room", url, StringComparison.Ordinal);
            }
        }

        Assert.True(forward.Count >= 3, $"{forward.Count} pages");
        Assert.All(forward, rows => Assert.InRange(rows.Count, 1, 50));
        Assert.Null(Link(await (await admin.GetAsync("/admin/moderation/reports?status=open&reason=self_harm&targetType=room")).Content.ReadAsStringAsync(), "previous-page"));
        var seen = forward.SelectMany(rows => rows).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(expected, seen.Where(mineIds.Contains).ToList());

        // Back from the last page: the same pages in reverse.
        var backward = new List<List<Guid>>();
        url = Link(page, "previous-page");
        while (url is not null && backward.Count < 20)
        {
            var previous = await (await admin.GetAsync(url)).Content.ReadAsStringAsync();
            backward.Add(Rows(previous));
            url = Link(previous, "previous-page");
        }

        Assert.Equal(forward.Take(forward.Count - 1).Reverse().Select(rows => rows.Where(mineIds.Contains).ToList()), backward.Select(rows => rows.Where(mineIds.Contains).ToList()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/moderation/reports?after=forged")).StatusCode);
    }

    private static List<Guid> Rows(string page) => RowId().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value)).ToList();

    private static string? Link(string page, string id)
    {
        var match = Regex.Match(page, $"<a id=\"{id}\" rel=\"[a-z]+\" href=\"([^\"]+)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("data-report-id=\"([0-9a-f-]{36})\"")]
    private static partial Regex RowId();
}
