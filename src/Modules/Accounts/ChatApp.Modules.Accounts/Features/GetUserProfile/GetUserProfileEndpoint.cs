namespace ChatApp.Modules.Accounts.Features.GetUserProfile;

internal sealed class GetUserProfileEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet(AccountsRoutes.Users + "/{userId:guid}", HandleAsync)
            .WithName("GetUserProfile")
            .WithTags("Users")
            .WithSummary("A user's public profile")
            .RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Search)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status404NotFound, AccountErrors.UserNotFound.Code);

    private static async Task<Results<Ok<PublicProfileResponse>, ProblemHttpResult>> HandleAsync(
        Guid userId, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(new GetUserProfileQuery(userId), cancellationToken)).ToOk();
}
