using System.Text;
using ChatApp.Modules.Moderation.Admin;
using ChatApp.Modules.Moderation.Paging;
using static ChatApp.Modules.Moderation.Admin.AdminHtml;

namespace ChatApp.Modules.Moderation.Features.ReviewQueue;

/// <summary>The queue page (server-rendered HTML, administrators only; a browser without the admin cookie is sent to the admin sign-in).</summary>
internal sealed class ReviewQueueEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(ModerationRoutes.AdminPages, () => Results.Redirect(ModerationRoutes.AdminPages + "/reports"))
            .RequireAuthorization(AuthorizationPolicies.Admin).ExcludeFromDescription();
        app.MapGet(ModerationRoutes.AdminPages + "/reports", (Delegate)ShowAsync)
            .RequireAuthorization(AuthorizationPolicies.Admin).ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(
        ISender sender, string? status, string? reason, string? targetType, string? after, string? before, CancellationToken cancellationToken)
    {
        // No status chosen: the open ones. "all" shows every status.
        status = string.IsNullOrEmpty(status) ? ReportStatuses.Open : status;
        var statusFilter = status == "all" || !ReportStatuses.All.Contains(status) ? null : status;
        var reasonFilter = ReportReasons.All.Contains(reason) ? reason : null;
        var targetFilter = ReportTargetTypes.All.Contains(targetType) ? targetType : null;
        // A cursor that does not parse (edited by hand) shows the first page.
        var backwards = after is null && KeysetCursor.TryParse(before, out _);
        KeysetCursor.TryParse(backwards ? before : after, out var cursor);
        var result = await sender.Send(new ReviewQueueQuery(statusFilter, reasonFilter, targetFilter, cursor, backwards && cursor is not null), cancellationToken);

        var body = new StringBuilder();
        body.Append($"""
            <form method="get" action="{ModerationRoutes.AdminPages}/reports" style="display:flex;gap:.75rem;align-items:end;margin-bottom:1rem">
            <label>Status<br><select name="status" id="status">{Options(ReportStatuses.All.Append("all"), statusFilter ?? "all", "open")}</select></label>
            <label>Reason<br><select name="reason" id="reason">{Options(ReportReasons.All, reasonFilter, "any")}</select></label>
            <label>Target<br><select name="targetType" id="targetType">{Options(ReportTargetTypes.All, targetFilter, "any")}</select></label>
            <button type="submit">Filter</button>
            </form>
            """);
        if (result.Rows.Count == 0)
        {
            body.Append("<p>No reports match.</p>");
            body.Append(PagerLinks(status, reasonFilter, targetFilter, result));
            return Page("Reports", body.ToString());
        }

        body.Append("""
            <table style="border-collapse:collapse;width:100%" cellpadding="6">
            <thead><tr style="text-align:left;border-bottom:2px solid #999"><th>Reported</th><th>Target</th><th>Reason</th><th>Person</th><th>Open reports on them</th><th>Reporter</th><th>Status</th><th></th></tr></thead><tbody>
            """);
        foreach (var row in result.Rows)
        {
            body.Append($"""
                <tr style="border-bottom:1px solid #ddd" data-report-id="{row.Id}">
                <td>{E(Time(row.CreatedAt))}</td><td>{E(row.TargetType)}</td><td>{E(row.Reason)}</td>
                <td>{E(row.PersonName ?? "")}</td><td>{row.ReportsAboutPerson}</td><td>{E(row.ReporterName)}</td>
                <td>{E(row.Status)}{(row.Outcome is null ? "" : " (" + E(row.Outcome) + ")")}</td>
                <td><a href="{ModerationRoutes.AdminPages}/reports/{row.Id}">Review</a></td>
                </tr>
                """);
        }

        body.Append("</tbody></table>");
        body.Append(PagerLinks(status, reasonFilter, targetFilter, result));
        return Page("Reports", body.ToString());
    }

    /// <summary>"Previous" and "Next" links that keep the filters (no link where there is no page).</summary>
    private static string PagerLinks(string status, string? reason, string? targetType, ReviewQueueResult result)
    {
        string Link(string key, KeysetCursor cursor)
        {
            var query = new List<string> { "status=" + Uri.EscapeDataString(status) };
            if (reason is not null)
            {
                query.Add("reason=" + Uri.EscapeDataString(reason));
            }

            if (targetType is not null)
            {
                query.Add("targetType=" + Uri.EscapeDataString(targetType));
            }

            query.Add(key + "=" + Uri.EscapeDataString(cursor.ToString()));
            return E(ModerationRoutes.AdminPages + "/reports?" + string.Join('&', query));
        }

        if (result.Previous is null && result.Next is null)
        {
            return "";
        }

        return "<nav id=\"pager\" style=\"display:flex;gap:1rem;margin-top:1rem\">"
            + (result.Previous is { } previous ? $"<a id=\"previous-page\" rel=\"prev\" href=\"{Link("before", previous)}\">← Previous</a>" : "")
            + (result.Next is { } next ? $"<a id=\"next-page\" rel=\"next\" href=\"{Link("after", next)}\">Next →</a>" : "")
            + "</nav>";
    }
}
