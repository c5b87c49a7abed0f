using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.GetPresence;

internal sealed class GetPresenceEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ChatRoutes.Chat + "/presence", HandleAsync)
            .WithName("GetPresence")
            .WithTags("Chat")
            .WithSummary("Online state and last seen of people who share a room with me (?userIds=a&userIds=b)")
            .RequireAuthorization()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<IReadOnlyList<PresenceResponse>>, ProblemHttpResult>> HandleAsync(
        Guid[]? userIds, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetPresenceQuery(user.GetUserId(), userIds ?? []), cancellationToken)).ToOk();
}
