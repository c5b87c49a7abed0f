using System.Security.Claims;
using ChatApp.Modules.Accounts.People;

namespace ChatApp.Modules.Accounts.Features.SearchPeople;

internal sealed class SearchPeopleEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(AccountsRoutes.Users + "/search", HandleAsync)
            .WithName("SearchPeople")
            .WithTags("Users")
            .WithSummary("Find people by handle (prefix; '@' for handles only) or by name (any part, 초성, case and accents ignored)")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.PeopleSearch)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status400BadRequest, "validation_failed", PeopleErrors.InvalidCursorCode);

    private static async Task<Results<Ok<PeopleSearchResponse>, ProblemHttpResult>> HandleAsync(
        string? q, string? cursor, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new SearchPeopleQuery(user.GetUserId(), q ?? "", cursor), cancellationToken)).ToOk();
}
