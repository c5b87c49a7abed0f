using System.Security.Claims;
using ChatApp.Modules.Notifications.Mutes;

namespace ChatApp.Modules.Notifications.Features.ListMutes;

internal sealed class ListMutesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(NotificationsRoutes.Notifications + "/mutes", HandleAsync)
            .WithName("ListMutes")
            .WithTags("Notifications")
            .WithSummary("My muted rooms (mutes that ended are not listed)")
            .RequireAuthorization();

    private static async Task<Ok<IReadOnlyList<MuteResponse>>> HandleAsync(ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListMutesQuery(user.GetUserId()), cancellationToken));
}
