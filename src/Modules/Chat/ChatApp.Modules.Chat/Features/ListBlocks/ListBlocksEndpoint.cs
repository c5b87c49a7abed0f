using System.Security.Claims;

namespace ChatApp.Modules.Chat.Features.ListBlocks;

internal sealed class ListBlocksEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ChatRoutes.Chat + "/blocks", HandleAsync)
            .WithName("ListBlocks")
            .WithTags("Chat")
            .WithSummary("The people I blocked, with names and avatars, newest first, paged by cursor")
            .RequireAuthorization()
            .ProducesValidationProblem();

    private static async Task<Results<Ok<BlockListResponse>, ProblemHttpResult>> HandleAsync(
        string? cursor, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new ListBlocksQuery(user.GetUserId(), cursor), cancellationToken)).ToOk();
}
