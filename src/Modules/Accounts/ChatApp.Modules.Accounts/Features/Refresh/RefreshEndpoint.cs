namespace ChatApp.Modules.Accounts.Features.Refresh;

internal sealed class RefreshEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost(AccountsRoutes.Accounts + "/refresh", HandleAsync)
            .WithName("Refresh")
            .WithTags("Accounts")
            .WithSummary("Exchange a refresh token (single use) for a new access token and refresh token")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Refresh, RateLimitAccount.Secret("refreshToken"))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        RefreshCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToOk();
}
