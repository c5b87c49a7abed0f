using System.Security.Claims;
using ChatApp.Modules.Chat.Search;

namespace ChatApp.Modules.Chat.Features.SearchMessages;

internal sealed class SearchMessagesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(ChatRoutes.Chat + "/search", HandleAsync)
            .WithName("SearchMessages")
            .WithTags("Chat")
            .WithSummary("Messages of my rooms (or of roomId) containing q (Korean without spaces, case and accents ignored), newest first; cursor for the next page; limit 1..50 (default 20)")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(
                StatusCodes.Status400BadRequest,
                "validation_failed",
                SearchErrors.QueryRequired.Code,
                SearchErrors.QueryTooShort.Code,
                SearchErrors.QueryTooLong.Code,
                SearchErrors.InvalidCursor.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, ChatErrors.RoomNotFound.Code);

    private static async Task<Results<Ok<MessageSearchPage>, ProblemHttpResult>> HandleAsync(
        string? q, Guid? roomId, string? cursor, int? limit, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SearchMessagesQuery(user.GetUserId(), q, roomId, cursor, limit ?? 20), cancellationToken)).ToOk();
}
