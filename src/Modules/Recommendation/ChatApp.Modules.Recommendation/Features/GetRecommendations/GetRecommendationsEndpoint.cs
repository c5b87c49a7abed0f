using System.Security.Claims;

namespace ChatApp.Modules.Recommendation.Features.GetRecommendations;

internal sealed class GetRecommendationsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(RecommendationRoutes.Recommendations + "/for-me", HandleAsync)
            .WithName("GetMyRecommendations")
            .WithTags("Recommendation")
            .WithSummary("People I am predicted to rate highest (cold start: the best-rated profiles)")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<RecommendationsResponse>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken, int limit = 10) =>
        (await sender.Send(new GetRecommendationsQuery(user.GetUserId(), limit), cancellationToken)).ToOk();
}
