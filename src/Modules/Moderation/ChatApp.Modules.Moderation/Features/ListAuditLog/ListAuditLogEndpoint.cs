using System.Text;
using static ChatApp.Modules.Moderation.Admin.AdminHtml;

namespace ChatApp.Modules.Moderation.Features.ListAuditLog;

/// <summary>The audit log page: who did what to whom, when and why (administrators only).</summary>
internal sealed class ListAuditLogEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ModerationRoutes.AdminPages + "/audit", (Delegate)ShowAsync)
            .RequireAuthorization(AuthorizationPolicies.Admin).ExcludeFromDescription();

    private static async Task<IResult> ShowAsync(ISender sender, CancellationToken cancellationToken)
    {
        var page = await sender.Send(new ListAuditLogQuery(), cancellationToken);
        string Name(Guid? id) => id is { } known ? page.Names.GetValueOrDefault(known, "(deleted account)") : "";
        var body = new StringBuilder("""
            <table style="border-collapse:collapse;width:100%" cellpadding="6">
            <thead><tr style="text-align:left;border-bottom:2px solid #999"><th>When</th><th>Admin</th><th>Action</th><th>Person</th><th>Until</th><th>Reason</th><th>Report</th></tr></thead><tbody>
            """);
        foreach (var a in page.Entries)
        {
            body.Append($"""
                <tr style="border-bottom:1px solid #ddd"><td>{E(Time(a.At))}</td><td>{E(Name(a.AdminId))}</td><td>{E(a.Action)}</td>
                <td>{E(Name(a.TargetUserId))}</td><td>{E(Time(a.Until))}</td><td style="white-space:pre-wrap">{E(a.Reason)}</td>
                <td>{(a.ReportId is { } r ? $"<a href=\"{ModerationRoutes.AdminPages}/reports/{r}\">open</a>" : "")}</td></tr>
                """);
        }

        body.Append("</tbody></table>");
        return Page("Audit log", body.ToString());
    }
}
