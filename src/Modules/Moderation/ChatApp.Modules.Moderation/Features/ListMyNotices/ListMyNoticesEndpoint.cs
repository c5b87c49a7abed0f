using System.Security.Claims;

namespace ChatApp.Modules.Moderation.Features.ListMyNotices;

internal sealed class ListMyNoticesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ModerationRoutes.Notices, HandleAsync)
            .WithName("ListMyModerationNotices")
            .WithTags("Moderation")
            .WithSummary("What moderators told me (warnings, suspensions, lifts, removed messages, my reports' outcomes), newest first, paged by cursor")
            .RequireAuthorization()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<NoticesPage>, ProblemHttpResult>> HandleAsync(
        string? cursor, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListMyNoticesQuery(user.GetUserId(), cursor), cancellationToken)).ToOk();
}
