using System.Security.Claims;

namespace ChatApp.Modules.Recommendation.Features.WithdrawRating;

internal sealed class WithdrawRatingEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapDelete(RecommendationRoutes.Recommendations + "/ratings/{userId:guid}", HandleAsync)
            .WithName("WithdrawRating")
            .WithTags("Recommendation")
            .WithSummary("Withdraw my rating of someone")
            .RequireAuthorization();

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid userId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new WithdrawRatingCommand(user.GetUserId(), userId), cancellationToken)).ToNoContent();
}
