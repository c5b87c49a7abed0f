using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.Sync;

internal sealed class SyncEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Chat + "/sync", HandleAsync)
            .WithName("Sync")
            .WithTags("Chat")
            .WithSummary("Catch up after being offline: everything after my cursor (room id → last seq held) in all my rooms, and the next cursor")
            .RequireAuthorization()
            // A cursor of SyncValidator.MaxRooms rooms (about 60 bytes each) is larger than the default JSON limit.
            .WithBodyLimit(512 * 1024)
            .ProducesValidationProblem();

    private static async Task<Results<Ok<SyncResponse>, ProblemHttpResult>> HandleAsync(
        SyncRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SyncQuery(user.GetUserId(), request.Rooms ?? new Dictionary<Guid, long>()), cancellationToken)).ToOk();
}
