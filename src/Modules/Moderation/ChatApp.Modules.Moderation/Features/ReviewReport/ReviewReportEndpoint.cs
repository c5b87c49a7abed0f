using System.Text;
using ChatApp.Modules.Moderation.Admin;
using Microsoft.AspNetCore.Antiforgery;
using static ChatApp.Modules.Moderation.Admin.AdminHtml;

namespace ChatApp.Modules.Moderation.Features.ReviewReport;

/// <summary>One report's page: the snapshot, the messages around it, the person's standing, the history, and the action form.</summary>
internal sealed class ReviewReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ModerationRoutes.AdminPages + "/reports/{reportId:guid}", (Delegate)ShowAsync)
            .RequireAuthorization(AuthorizationPolicies.Admin).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(
        Guid reportId, string? error, string? done, HttpContext context, IAntiforgery antiforgery, ISender sender, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new ReviewReportQuery(reportId), cancellationToken);
        if (!result.IsSuccess)
        {
            return Page("Report not found", "<p>No such report.</p>", StatusCodes.Status404NotFound);
        }

        var review = result.Value;
        var report = review.Report;
        var body = new StringBuilder();
        if (error is not null)
        {
            body.Append($"<p role=\"alert\" style=\"color:#b00020\">The action was refused: <code>{E(error)}</code></p>");
        }

        if (done is not null)
        {
            body.Append($"<p role=\"status\" style=\"color:#0a6b2d\">Done: {E(done)}.</p>");
        }

        body.Append($"""
            <dl style="display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem">
            <dt>Reported</dt><dd>{E(Time(report.CreatedAt))} by {E(review.ReporterName)}</dd>
            <dt>Target</dt><dd>{E(report.TargetType)} <code>{report.TargetId}</code></dd>
            <dt>Reason</dt><dd>{E(report.Reason)}</dd>
            <dt>Note</dt><dd>{E(report.Note ?? "")}</dd>
            <dt>Status</dt><dd id="report-status">{E(report.Status)}{(report.Outcome is null ? "" : " (" + E(report.Outcome) + ", " + E(Time(report.ResolvedAt)) + ")")}</dd>
            </dl>
            """);
        if (review.Person is { } person)
        {
            body.Append($"""
                <h2 style="font-size:1.1rem">Person</h2>
                <p id="person">{E(person.DisplayName)}{(person.Handle is null ? "" : " @" + E(person.Handle))} <code>{person.UserId}</code>,
                joined {E(Time(person.CreatedAt))}.
                {(person.BannedAt is { } banned ? "<strong>Banned</strong> since " + E(Time(banned)) + "." : "")}
                {(person.SuspendedUntil is { } until ? "<strong>Suspended</strong> until " + E(Time(until)) + "." : "")}
                {(person.HiddenForReviewAt is { } hidden ? "Hidden for review since " + E(Time(hidden)) + "." : "")}
                {(person.Deactivated ? "Deactivated by its owner." : "")}</p>
                """);
        }
        else if (report.TargetUserId is not null)
        {
            body.Append("<p>The person's account no longer exists.</p>");
        }

        if (report.TargetType == ReportTargetTypes.Message)
        {
            body.Append($"""
                <h2 style="font-size:1.1rem">The message as reported</h2>
                <blockquote id="snapshot" style="white-space:pre-wrap;border-left:4px solid #b00020;padding:.5rem 1rem;margin:0">{E(report.EvidenceText)}</blockquote>
                <p>Sent {E(Time(report.EvidenceSentAt))}{(report.EvidenceEditedAt is { } edited ? ", edited " + E(Time(edited)) : "")}.</p>
                """);
            foreach (var pictureId in report.EvidenceAttachmentIds)
            {
                var variants = review.Pictures.TryGetValue(pictureId, out var picture) ? picture.Variants : [];
                var full = variants.FirstOrDefault(v => v.Name == "chat") ?? variants.FirstOrDefault();
                var thumb = variants.FirstOrDefault(v => v.Name == "chat-thumb") ?? full;
                body.Append(full is not null && thumb is not null
                    ? $"<p><a href=\"{E(full.Url)}\">picture <code>{pictureId}</code><br><img src=\"{E(thumb.Url)}\" alt=\"reported picture\" style=\"max-width:16rem\"></a></p>"
                    : $"<p>picture <code>{pictureId}</code> (no longer stored)</p>");
            }

            body.Append("<h2 style=\"font-size:1.1rem\">Around it, as it is now</h2><ol id=\"context\" style=\"list-style:none;padding:0\">");
            foreach (var message in review.Context)
            {
                var name = review.Names.GetValueOrDefault(message.SenderId, "(deleted account)");
                var mark = message.MessageId == report.TargetId ? "background:#fde8ea;" : "";
                var text = message.DeletedAt is not null ? "<em>(deleted)</em>" : E(message.Text);
                body.Append($"<li style=\"{mark}padding:.25rem\"><small>#{message.Seq} {E(Time(message.CreatedAt))}</small> <strong>{E(name)}</strong>: <span style=\"white-space:pre-wrap\">{text}</span>{(message.AttachmentIds.Count > 0 ? $" [{message.AttachmentIds.Count} picture(s)]" : "")}</li>");
            }

            body.Append("</ol>");
        }

        body.Append($"""
            <h2 style="font-size:1.1rem">Act</h2>
            <form method="post" action="{ModerationRoutes.AdminPages}/reports/{report.Id}/actions" style="display:grid;gap:.5rem;max-width:32rem">
            {AntiforgeryField(context, antiforgery)}
            <label>Action<br><select name="action" id="action" required>{Options(ModerationActions.All, null, "choose…")}</select></label>
            <label>Suspension in hours (suspend only)<br><input name="durationHours" id="durationHours" type="number" min="1" max="8760"></label>
            <label>Reason (required, kept in the audit log)<br><textarea name="reason" id="reason" required maxlength="{AuditEntry.ReasonMaxLength}" rows="3"></textarea></label>
            <label>Message to the person (optional; they see it with the reason category, never who reported them)<br><textarea name="message" id="message" maxlength="{Notice.MessageMaxLength}" rows="3"></textarea></label>
            <button type="submit">Apply</button>
            </form>
            """);
        body.Append("<h2 style=\"font-size:1.1rem\">History</h2>");
        body.Append(review.History.Count == 0 ? "<p>No action yet.</p>" : "<ul id=\"history\">" + string.Concat(review.History.Select(a =>
            $"<li>{E(Time(a.At))}: <strong>{E(a.Action)}</strong>{(a.Until is { } u ? " until " + E(Time(u)) : "")} by {E(review.Names.GetValueOrDefault(a.AdminId, "(deleted account)"))}: {E(a.Reason)}</li>")) + "</ul>");
        return Page("Report " + report.Id.ToString("N")[..8], body.ToString());
    }
}
