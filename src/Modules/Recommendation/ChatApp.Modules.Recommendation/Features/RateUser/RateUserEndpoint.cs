using System.Security.Claims;

namespace ChatApp.Modules.Recommendation.Features.RateUser;

internal sealed class RateUserEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPut(RecommendationRoutes.Recommendations + "/ratings/{userId:guid}", RateAsync)
            .WithName("RateUser")
            .WithTags("Recommendation")
            .WithSummary("Rate someone I have talked with, 1..5 (again: replaces my rating)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapDelete(RecommendationRoutes.Recommendations + "/ratings/{userId:guid}", WithdrawAsync)
            .WithName("WithdrawRating")
            .WithTags("Recommendation")
            .WithSummary("Withdraw my rating of someone")
            .RequireAuthorization();
    }

    private static async Task<Results<Ok<RatingResponse>, ProblemHttpResult>> RateAsync(
        Guid userId, RateUserRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RateUserCommand(user.GetUserId(), userId, request.Score), cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new WithdrawRatingCommand(user.GetUserId(), userId), cancellationToken)).ToNoContent();
}
