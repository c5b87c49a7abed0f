using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.GetPresence;

/// <summary>
/// Presence of many people at once (a room's member list, a contact list): the ids in a JSON body, so hundreds fit
/// where a query string would pass a proxy's URL limit (414).
/// </summary>
internal sealed class GetPresenceBatchEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(ChatRoutes.Chat + "/presence", HandleAsync)
            .WithName("GetPresenceOfMany")
            .WithTags("Chat")
            .WithSummary("Online state and last seen of up to 500 people who share a room with me ({ \"userIds\": [...] })")
            .RequireAuthorization()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<IReadOnlyList<PresenceResponse>>, ProblemHttpResult>> HandleAsync(
        PresenceRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetPresenceQuery(user.GetUserId(), request.UserIds ?? []), cancellationToken)).ToOk();
}
