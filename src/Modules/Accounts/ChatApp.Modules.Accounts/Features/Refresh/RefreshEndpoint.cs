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
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesErrors(StatusCodes.Status401Unauthorized, AccountErrors.InvalidRefreshToken.Code)
            .ProducesErrors(StatusCodes.Status403Forbidden, AccountErrors.Banned.Code, AccountErrors.Suspended(DateTime.MinValue).Code);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        RefreshCommand command, ISender sender, CancellationToken cancellationToken) =>
        (await sender.Send(command, cancellationToken)).ToOk();
}
