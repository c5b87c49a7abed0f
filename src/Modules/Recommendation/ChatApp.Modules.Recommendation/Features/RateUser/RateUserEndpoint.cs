using System.Security.Claims;

namespace ChatApp.Modules.Recommendation.Features.RateUser;

internal sealed class RateUserEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPut(RecommendationRoutes.Recommendations + "/ratings/{userId:guid}", HandleAsync)
            .WithName("RateUser")
            .WithTags("Recommendation")
            .WithSummary("Rate someone I have talked with, 1..5 (again: replaces my rating)")
            .RequireAuthorization()
            .ProducesValidationProblem()
            .ProducesErrors(StatusCodes.Status403Forbidden, RecommendationErrors.NotAcquainted.Code, RecommendationErrors.Blocked.Code)
            .ProducesErrors(StatusCodes.Status404NotFound, RecommendationErrors.UserNotFound.Code);

    private static async Task<Results<Ok<RatingResponse>, ProblemHttpResult>> HandleAsync(
        Guid userId, RateUserRequest request, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new RateUserCommand(user.GetUserId(), userId, request.Score), cancellationToken)).ToOk();
}
