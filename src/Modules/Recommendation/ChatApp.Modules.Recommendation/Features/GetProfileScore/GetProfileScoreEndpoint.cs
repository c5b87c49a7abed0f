namespace ChatApp.Modules.Recommendation.Features.GetProfileScore;

internal sealed class GetProfileScoreEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(RecommendationRoutes.Recommendations + "/profiles/{userId:guid}/score", HandleAsync)
            .WithName("GetProfileScore")
            .WithTags("Recommendation")
            .WithSummary("A profile's score: published from 30 ratings on, else how many it has")
            .RequireAuthorization()
            .ProducesErrors(StatusCodes.Status404NotFound, RecommendationErrors.UserNotFound.Code);

    private static async Task<Results<Ok<ProfileScoreResponse>, ProblemHttpResult>> HandleAsync(
        Guid userId, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetProfileScoreQuery(userId), cancellationToken)).ToOk();
}
