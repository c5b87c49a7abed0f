using System.Security.Claims;
using ChatApp.Modules.Moderation.Reports;

namespace ChatApp.Modules.Moderation.Features.ListMyReports;

internal sealed class ListMyReportsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ModerationRoutes.Reports + "/mine", HandleAsync)
            .WithName("ListMyReports")
            .WithTags("Moderation")
            .WithSummary("My reports, newest first, with their status and outcome")
            .RequireAuthorization();

    private static async Task<Results<Ok<IReadOnlyList<ReportResponse>>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListMyReportsQuery(user.GetUserId()), cancellationToken)).ToOk();
}
